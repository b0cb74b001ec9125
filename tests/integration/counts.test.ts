import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import { COUNT_SLOTS, getTotals, moveCount, slotSql } from "@/db/queries/counts";
import { countSlots } from "@/db/schema";
import { freshDemoPetition } from "../helpers/signing";

describe("slotted counters", () => {
  let petitionId: string;

  beforeAll(async () => {
    ({ id: petitionId } = await freshDemoPetition());
  });
  afterAll(closeDb);

  it("start at zero in every state", async () => {
    expect(await getTotals("petition", petitionId)).toEqual({
      pending: 0,
      verified: 0,
      rejected: 0,
      withdrawn: 0,
      held: 0,
    });
  });

  it("stay exact under concurrent transactions, spread over several rows", async () => {
    const db = getDb();
    await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        db.transaction(async (tx) => {
          const supporter = randomUUID();
          await moveCount(tx, "petition", petitionId, supporter, null, "pending");
          if (i % 3 !== 0) await moveCount(tx, "petition", petitionId, supporter, "pending", "verified");
          if (i % 10 === 0) await moveCount(tx, "petition", petitionId, supporter, "verified", "withdrawn");
        }),
      ),
    );
    expect(await getTotals("petition", petitionId)).toEqual({
      pending: 40,
      verified: 80 - 12,
      rejected: 0,
      withdrawn: 12,
      held: 0,
    });
    const slots = await db.select({ n: sql<number>`count(*)::int` }).from(countSlots);
    expect(slots[0]!.n).toBeGreaterThan(3);
  });

  it("spread supporters over every slot, always the same one for one supporter", async () => {
    // 5,000 supporters leave a slot of 64 empty with a probability of about 10^-32.
    const spread = await getDb().execute<{ slots: number; lowest: number; highest: number }>(sql`
      select count(distinct slot)::int as slots, min(slot)::int as lowest, max(slot)::int as highest
      from (select ${slotSql(sql`gen_random_uuid()`)} as slot from generate_series(1, 5000)) as chosen`);
    expect(spread.rows[0]).toEqual({ slots: COUNT_SLOTS, lowest: 0, highest: COUNT_SLOTS - 1 });
    const id = randomUUID();
    const slotOf = async () =>
      (await getDb().execute<{ slot: number }>(sql`select ${slotSql(sql`${id}::uuid`)} as slot`)).rows[0]!
        .slot;
    expect(await slotOf()).toBe(await slotOf());
  });

  it("are undone with the transaction that made them", async () => {
    const db = getDb();
    const before = await getTotals("petition", petitionId);
    await expect(
      db.transaction(async (tx) => {
        await moveCount(tx, "petition", petitionId, randomUUID(), null, "verified");
        throw new Error("the signature could not be saved");
      }),
    ).rejects.toThrow();
    expect(await getTotals("petition", petitionId)).toEqual(before);
  });
});

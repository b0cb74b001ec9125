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
    expect(await getTotals("petition", petitionId)).toEqual({ pending: 0, verified: 0, rejected: 0, withdrawn: 0 });
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
    expect(await getTotals("petition", petitionId)).toEqual({ pending: 40, verified: 80 - 12, rejected: 0, withdrawn: 12 });
    const slots = await db.select({ n: sql<number>`count(*)::int` }).from(countSlots);
    expect(slots[0]!.n).toBeGreaterThan(3);
  });

  it("spread supporters over every slot, always the same one for one supporter", async () => {
    const ids = Array.from({ length: 400 }, () => randomUUID());
    const slotOf = async (id: string) =>
      (await getDb().execute<{ slot: number }>(sql`select ${slotSql(sql`${id}::uuid`)} as slot`)).rows[0]!.slot;
    const used = await Promise.all(ids.map(slotOf));
    expect(new Set(used).size).toBe(COUNT_SLOTS);
    expect(used.every((slot) => slot >= 0 && slot < COUNT_SLOTS)).toBe(true);
    expect(await slotOf(ids[0]!)).toBe(used[0]);
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

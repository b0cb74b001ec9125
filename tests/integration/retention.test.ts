import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import { getTotals } from "@/db/queries/counts";
import { applyRetention } from "@/db/queries/retention";
import { outboxMessages, petitions, signatures } from "@/db/schema";
import { retentionPolicy } from "@/lib/jobs/retention";
import { freshDemoPetition, signAs } from "../helpers/signing";

async function ageSignature(email: string, days: number) {
  await getDb()
    .update(signatures)
    .set({ createdAt: sql`now() - make_interval(days => ${days})` })
    .where(eq(signatures.email, email));
}

describe("the retention policy", () => {
  let slug: string;
  let petitionId: string;
  beforeAll(async () => {
    ({ slug, id: petitionId } = await freshDemoPetition());
  });
  afterAll(closeDb);

  it("deletes signatures never confirmed after 30 days, and takes them out of the pending total", async () => {
    await signAs(slug, "old.pending@example.org");
    await signAs(slug, "new.pending@example.org");
    await ageSignature("old.pending@example.org", 31);
    const before = await getTotals("petition", petitionId);

    expect(await applyRetention(retentionPolicy())).toMatchObject({ deletedUnconfirmed: 1 });
    const left = await getDb().select({ email: signatures.email }).from(signatures);
    expect(left.map((row) => row.email)).toEqual(["new.pending@example.org"]);
    expect((await getTotals("petition", petitionId)).pending).toBe(before.pending - 1);
  });

  it("erases IP addresses after 90 days and keeps the signature", async () => {
    await signAs(slug, "old.ip@example.org", { ip: "192.0.2.10" });
    await ageSignature("old.ip@example.org", 91);
    await getDb()
      .update(signatures)
      .set({ state: "verified" })
      .where(eq(signatures.email, "old.ip@example.org"));
    await applyRetention(retentionPolicy());
    const [row] = await getDb()
      .select({ ip: signatures.ipAddress, email: signatures.email })
      .from(signatures)
      .where(eq(signatures.email, "old.ip@example.org"));
    expect(row).toEqual({ ip: null, email: "old.ip@example.org" });
  });

  it("erases signers' details a year after a petition closed, keeping an anonymous row", async () => {
    const mailedBefore = await getDb().select({ recipient: outboxMessages.recipient }).from(outboxMessages);
    expect(mailedBefore.map((mail) => mail.recipient)).toContain("new.pending@example.org");
    await getDb()
      .update(petitions)
      .set({ isOpen: false, closesAt: sql`now() - interval '13 months'` })
      .where(eq(petitions.id, petitionId));
    const report = await applyRetention(retentionPolicy());
    expect(report?.erasedSigners).toBeGreaterThan(0);
    const rows = await getDb()
      .select({ email: signatures.email, firstName: signatures.firstName, erasedAt: signatures.erasedAt })
      .from(signatures)
      .where(eq(signatures.petitionId, petitionId));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows)
      expect(row).toMatchObject({ email: null, firstName: null, erasedAt: expect.any(Date) });
    // The outbox kept each confirmation email, with the address and name in it: gone too.
    const mailedAfter = await getDb().select({ recipient: outboxMessages.recipient }).from(outboxMessages);
    expect(mailedAfter.map((mail) => mail.recipient)).not.toContain("new.pending@example.org");
  });
});

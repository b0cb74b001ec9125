import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import { getTotals } from "@/db/queries/counts";
import { outboxMessages, petitions, rateLimitWindows, signatures } from "@/db/schema";
import { PETITION_CLOSED } from "@/lib/signing/signing";
import { freshDemoPetition, signAs } from "../helpers/signing";

describe("signing in one statement", () => {
  let slug: string;
  let petitionId: string;
  beforeAll(async () => {
    ({ slug, id: petitionId } = await freshDemoPetition());
  });
  afterAll(closeDb);

  it("lets one address through once a minute and holds the rest, emailed like any other, when twenty arrive together", async () => {
    const before = await getTotals("petition", petitionId);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signAs(slug, `burst-${i}@example.org`, { ip: "198.51.100.7" })),
    );
    // Every caller hears the same: only the stored state differs.
    expect(results.every((result) => result.ok)).toBe(true);
    const rows = await getDb()
      .select({
        state: signatures.state,
        heldAt: signatures.heldAt,
        reason: signatures.holdReason,
        canonical: signatures.emailCanonical,
      })
      .from(signatures)
      .where(and(eq(signatures.petitionId, petitionId), eq(signatures.ipAddress, "198.51.100.7")));
    expect(rows.every((row) => row.state === "pending" && row.canonical?.startsWith("burst-"))).toBe(true);
    const held = rows.filter((row) => row.heldAt !== null);
    expect(held).toHaveLength(19);
    expect(held.every((row) => row.reason?.startsWith("rate limit"))).toBe(true);
    const after = await getTotals("petition", petitionId);
    expect(after.pending - before.pending).toBe(20);
    expect(after.rejected).toBe(before.rejected);
    // Nobody is silently dropped: each of the twenty is asked to confirm.
    const mail = await getDb().select({ recipient: outboxMessages.recipient }).from(outboxMessages);
    expect(mail.filter((row) => row.recipient.startsWith("burst-"))).toHaveLength(20);
  });

  it("writes a confirmation email, two links and a pending count for a new signature, in one go", async () => {
    const before = await getTotals("petition", petitionId);
    expect((await signAs(slug, "whole@example.org", { ip: "203.0.113.9" })).ok).toBe(true);
    const [row] = await getDb()
      .select({ state: signatures.state })
      .from(signatures)
      .where(eq(signatures.email, "whole@example.org"));
    expect(row?.state).toBe("pending");
    const mail = await getDb()
      .select({ subject: outboxMessages.subject })
      .from(outboxMessages)
      .where(eq(outboxMessages.recipient, "whole@example.org"));
    expect(mail).toHaveLength(1);
    expect((await getTotals("petition", petitionId)).pending).toBe(before.pending + 1);
    const windows = await getDb()
      .select({ count: rateLimitWindows.count })
      .from(rateLimitWindows)
      .where(eq(rateLimitWindows.ipAddress, "203.0.113.9"));
    expect(windows.map((window) => window.count)).toEqual([1, 1]);
  });

  it("takes nothing once the petition closes, even moments after it was looked up", async () => {
    expect((await signAs(slug, "early@example.org")).ok).toBe(true);
    await getDb().update(petitions).set({ isOpen: false }).where(eq(petitions.id, petitionId));
    try {
      const before = await getTotals("petition", petitionId);
      const result = await signAs(slug, "late@example.org");
      expect(result).toEqual({ ok: false, formError: PETITION_CLOSED });
      expect(
        await getDb()
          .select({ id: signatures.id })
          .from(signatures)
          .where(eq(signatures.email, "late@example.org")),
      ).toHaveLength(0);
      expect(await getTotals("petition", petitionId)).toEqual(before);
    } finally {
      await getDb().update(petitions).set({ isOpen: true }).where(eq(petitions.id, petitionId));
    }
  });
});

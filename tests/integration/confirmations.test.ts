import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import { getTotals } from "@/db/queries/counts";
import { redeemSupportToken } from "@/db/queries/support-tokens";
import { actionTokens, outboxMessages, signatures } from "@/db/schema";
import { hashToken } from "@/lib/signing/tokens";
import { confirmTokenFor, freshDemoPetition, signAs } from "../helpers/signing";

describe("confirming a signature", () => {
  let slug: string;
  let petitionId: string;
  beforeAll(async () => {
    ({ slug, id: petitionId } = await freshDemoPetition());
  });
  afterAll(closeDb);

  it("stores only a hash of each token, with at least 128 random bits behind it", async () => {
    await signAs(slug, "hash@example.org");
    const token = await confirmTokenFor("hash@example.org");
    expect(Buffer.from(token, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    const stored = await getDb().select({ tokenHash: actionTokens.tokenHash }).from(actionTokens);
    expect(stored.map((row) => row.tokenHash)).toContain(hashToken(token));
    expect(stored.map((row) => row.tokenHash)).not.toContain(token);
  });

  it("counts once when fifty presses of one button arrive together", async () => {
    await signAs(slug, "fifty@example.org");
    const token = await confirmTokenFor("fifty@example.org");
    const before = await getTotals("petition", petitionId);
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, () => redeemSupportToken("petition", hashToken(token), "confirm")),
    );
    expect(outcomes.filter((outcome) => outcome.result === "done")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.result === "already-done")).toHaveLength(49);
    const after = await getTotals("petition", petitionId);
    expect(after.verified).toBe(before.verified + 1);
    expect(after.pending).toBe(before.pending - 1);
  });

  it("refuses an expired link and leaves the signature pending", async () => {
    await signAs(slug, "late@example.org");
    const token = await confirmTokenFor("late@example.org");
    await getDb()
      .update(actionTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(actionTokens.tokenHash, hashToken(token)));
    expect((await redeemSupportToken("petition", hashToken(token), "confirm")).result).toBe("expired");
    const [row] = await getDb()
      .select({ state: signatures.state })
      .from(signatures)
      .where(eq(signatures.email, "late@example.org"));
    expect(row?.state).toBe("pending");
  });

  it("writes the email in the same transaction as the signature, once", async () => {
    await signAs(slug, "Once@Example.org");
    await signAs(slug, "once+again@example.org");
    const mails = await getDb()
      .select({ subject: outboxMessages.subject })
      .from(outboxMessages)
      .where(eq(outboxMessages.recipient, "Once@Example.org"));
    expect(mails.map((mail) => mail.subject)).toEqual([expect.stringMatching(/^Confirm your signature/)]);
    const repeats = await getDb()
      .select({ subject: outboxMessages.subject })
      .from(outboxMessages)
      .where(eq(outboxMessages.recipient, "once+again@example.org"));
    expect(repeats.map((mail) => mail.subject)).toEqual([
      expect.stringMatching(/^Your signature is waiting for confirmation/),
    ]);
  });
});

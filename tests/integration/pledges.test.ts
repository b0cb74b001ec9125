import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import { fulfilCommitment } from "@/db/queries/commitments";
import { getPledgeTotals } from "@/db/queries/pledges";
import { reconcileCounts } from "@/db/queries/reconcile";
import { redeemSupportToken } from "@/db/queries/support-tokens";
import { outboxMessages, pledgeCommitments, pledges, pledgeTakers } from "@/db/schema";
import { announceActivations, PLEDGE_CLOSED, sendFollowUps, takePledge } from "@/lib/signing/pledging";
import { hashToken } from "@/lib/signing/tokens";
import { freshDemoPetition, signer } from "../helpers/signing";

const SLUG = "do-my-part";
const noContext = { ip: null, source: null, referredBy: null, honeypot: null };
const take = (email: string, commitments: string[]) =>
  takePledge(SLUG, { ...signer(email), commitments }, noContext);

async function linkIn(email: string, path: "/confirm/" | "/fulfil/"): Promise<string> {
  const mails = await getDb()
    .select({ textBody: outboxMessages.textBody })
    .from(outboxMessages)
    .where(eq(outboxMessages.recipient, email));
  const token = mails.map((mail) => new RegExp(`${path}([\\w-]+)`).exec(mail.textBody)?.[1]).find(Boolean);
  if (!token) throw new Error(`no ${path} link in the mail to ${email}`);
  return token;
}

/** Confirms as the Confirm button does: the statement, then the activation check after its commit. */
async function confirm(email: string) {
  const outcome = await redeemSupportToken("pledge", hashToken(await linkIn(email, "/confirm/")), "confirm");
  if (outcome.result === "done") await announceActivations(outcome.parentId);
  return outcome;
}

const commitmentTotals = async (slug: string) =>
  (await getPledgeTotals(SLUG))!.commitments.find((c) => c.slug === slug)!;

describe("taking the pledge", () => {
  let pledgeId: string;
  beforeAll(async () => {
    await freshDemoPetition();
    const [pledge] = await getDb().select({ id: pledges.id }).from(pledges).where(eq(pledges.slug, SLUG));
    pledgeId = pledge!.id;
  });
  afterAll(closeDb);

  it("refuses a pledge without a commitment, or with one it does not offer, and stores nothing", async () => {
    expect(await take("none@example.org", [])).toEqual({
      ok: false,
      fieldErrors: { commitments: ["commitments.required"] },
    });
    expect(await take("odd@example.org", ["learn-to-report", "fly-to-the-moon"])).toEqual({
      ok: false,
      fieldErrors: { commitments: ["commitments.listed"] },
    });
    expect(await getDb().select({ id: pledgeTakers.id }).from(pledgeTakers)).toHaveLength(0);
  });

  it("counts the taker and each chosen commitment, pending, then verified once confirmed", async () => {
    expect((await take("both@example.org", ["learn-to-report", "share-the-campaign"])).ok).toBe(true);
    expect((await getPledgeTotals(SLUG))!.pending).toBe(1);
    const mail = await getDb()
      .select({ textBody: outboxMessages.textBody })
      .from(outboxMessages)
      .where(eq(outboxMessages.recipient, "both@example.org"));
    expect(mail[0]!.textBody).toContain("You promised to:");
    expect((await confirm("both@example.org")).result).toBe("done");
    const totals = (await getPledgeTotals(SLUG))!;
    expect(totals.verified).toBe(1);
    expect(totals.pending).toBe(0);
    expect((await commitmentTotals("learn-to-report")).verified).toBe(1);
    expect((await commitmentTotals("share-the-campaign")).verified).toBe(1);
    expect((await commitmentTotals("talk-about-sextortion")).verified).toBe(0);
  });

  it("switches a commitment on when concurrent takers reach its threshold, and emails each taker exactly once", async () => {
    await getDb()
      .update(pledgeCommitments)
      .set({ threshold: 5 })
      .where(eq(pledgeCommitments.slug, "ask-for-a-session"));
    const emails = Array.from({ length: 8 }, (_, i) => `threshold-${i}@example.org`);
    for (const email of emails) expect((await take(email, ["ask-for-a-session"])).ok).toBe(true);
    const before = await commitmentTotals("ask-for-a-session");
    expect(before).toMatchObject({ verified: 0, threshold: 5, isActive: false });

    await Promise.all(emails.map(confirm));
    await Promise.all([announceActivations(pledgeId), announceActivations(pledgeId)]);

    expect(await commitmentTotals("ask-for-a-session")).toMatchObject({ verified: 8, isActive: true });
    const activations = await getDb()
      .select({ recipient: outboxMessages.recipient })
      .from(outboxMessages)
      .where(like(outboxMessages.dedupeKey, "activation:%"));
    expect(activations.map((row) => row.recipient).sort()).toEqual([...emails].sort());
  });

  it("sends one follow-up per taker, and counts each commitment done once", async () => {
    await getDb().update(pledges).set({ followUpAfterDays: 0 }).where(eq(pledges.id, pledgeId));
    const [first, second] = await Promise.all([sendFollowUps(), sendFollowUps()]);
    expect(first + second).toBeGreaterThan(0);
    expect(await sendFollowUps()).toBe(0);
    const followUps = await getDb()
      .select({ recipient: outboxMessages.recipient })
      .from(outboxMessages)
      .where(like(outboxMessages.dedupeKey, "follow-up:%"));
    const recipients = followUps.map((row) => row.recipient);
    expect(recipients).toHaveLength(9);
    expect(new Set(recipients).size).toBe(9);

    const token = hashToken(await linkIn("both@example.org", "/fulfil/"));
    const presses = await Promise.all([
      fulfilCommitment(token, "learn-to-report"),
      fulfilCommitment(token, "learn-to-report"),
    ]);
    expect(presses.filter(Boolean)).toHaveLength(1);
    expect(await fulfilCommitment(token, "talk-about-sextortion")).toBe(false);
    expect(await commitmentTotals("learn-to-report")).toMatchObject({ verified: 1, fulfilled: 1 });
    expect((await commitmentTotals("share-the-campaign")).fulfilled).toBe(0);
  });

  it("takes a withdrawn taker out of every total, the done ones too, and leaves no drift", async () => {
    const token = hashToken(
      (
        await getDb()
          .select({ textBody: outboxMessages.textBody })
          .from(outboxMessages)
          .where(eq(outboxMessages.recipient, "both@example.org"))
      )
        .map((mail) => /\/withdraw\/([\w-]+)/.exec(mail.textBody)?.[1])
        .find(Boolean)!,
    );
    expect((await redeemSupportToken("pledge", token, "withdraw")).result).toBe("done");
    expect(await commitmentTotals("learn-to-report")).toMatchObject({ verified: 0, fulfilled: 0 });
    expect((await reconcileCounts())!.drift).toEqual([]);
  });

  it("takes nothing once the pledge closes", async () => {
    await getDb().update(pledges).set({ isOpen: false }).where(eq(pledges.id, pledgeId));
    expect(await take("late@example.org", ["learn-to-report"])).toEqual({
      ok: false,
      formError: PLEDGE_CLOSED,
    });
  });
});

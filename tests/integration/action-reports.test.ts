import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import { getActionReport, REPORT_DAYS, REPORT_HOURS } from "@/db/queries/action-reports";
import { DEMO_COMMITMENTS, DEMO_PETITION } from "@/db/demo-campaign";
import { petitions, signatures } from "@/db/schema";
import { NotAllowedError, type StaffCaller } from "@/lib/domain/roles";
import { getFeaturedCampaign } from "@/db/queries/campaigns";
import { takePledge } from "@/lib/signing/pledging";
import { freshDemoPetition, signAs, signer } from "../helpers/signing";

const viewer: StaffCaller = { id: "viewer", email: "viewer@example.org", role: "viewer" };

describe("a petition's report for the dashboard", () => {
  let slug: string;
  beforeAll(async () => {
    ({ slug } = await freshDemoPetition());
    const first = await signAs(slug, "sharer@example.org", { source: "newsletter" });
    if (!first.ok) throw new Error("could not sign");
    // Two arrive by the first signer's shared link, one of them from the newsletter too.
    await signAs(slug, "friend-1@example.org", { referredBy: first.data.referralCode, source: "newsletter" });
    await signAs(slug, "friend-2@example.org", { referredBy: first.data.referralCode });
    await signAs(slug, "other@example.org", { source: "radio" });
    // The sharer chose to be shown publicly; two signers confirmed; one signed three days ago.
    await getDb()
      .update(signatures)
      .set({ isPublic: true, firstName: "Grace", lastName: "Hopper" })
      .where(eq(signatures.email, "sharer@example.org"));
    await getDb()
      .update(signatures)
      .set({ verifiedAt: new Date() })
      .where(inArray(signatures.email, ["sharer@example.org", "friend-1@example.org"]));
    await getDb()
      .update(signatures)
      .set({ createdAt: new Date(Date.now() - 3 * 86_400_000), country: "US" })
      .where(eq(signatures.email, "other@example.org"));
  });
  afterAll(closeDb);

  it("counts supporters per hour and per day, with those who confirmed since", async () => {
    const report = (await getActionReport(viewer, "petition", slug))!;
    expect(report.perHour).toHaveLength(REPORT_HOURS);
    expect(report.perDay).toHaveLength(REPORT_DAYS);
    expect(report.perHour.at(-1)).toMatchObject({ signed: 3, confirmed: 2 });
    expect(report.perHour.reduce((sum, bucket) => sum + bucket.signed, 0)).toBe(3);
    expect(report.perDay.at(-1)).toMatchObject({ signed: 3, confirmed: 2 });
    expect(report.perDay.at(-4)).toMatchObject({ signed: 1, confirmed: 0 });
    expect(new Date(report.perDay.at(-1)!.at).getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("ranks sources, referrers and countries, and works out the confirmation rate", async () => {
    const report = (await getActionReport(viewer, "petition", slug))!;
    expect(report.sources).toEqual([
      { label: "newsletter", count: 2 },
      { label: "radio", count: 1 },
    ]);
    expect(report.referrers).toEqual([{ label: "Grace H.", count: 2 }]);
    expect(report.countries).toEqual([
      { label: "GB", count: 3 },
      { label: "US", count: 1 },
    ]);
    expect({ signed: report.everSigned, confirmed: report.everConfirmed }).toEqual({
      signed: 4,
      confirmed: 2,
    });
    expect(report.totals.pending).toBe(4);
  });

  it("never names a referrer who chose not to be shown", async () => {
    // A petition of its own: the rankings of the one above are remembered for a few seconds.
    const [{ campaignId }] = (await getDb().select({ campaignId: petitions.campaignId }).from(petitions)) as [
      { campaignId: string },
    ];
    await getDb()
      .insert(petitions)
      .values({ ...DEMO_PETITION, slug: "quiet-referrer", campaignId });
    const quiet = await signAs("quiet-referrer", "quiet@example.org");
    if (!quiet.ok) throw new Error("could not sign");
    await signAs("quiet-referrer", "quiet-friend@example.org", { referredBy: quiet.data.referralCode });
    const report = (await getActionReport(viewer, "petition", "quiet-referrer"))!;
    expect(report.referrers).toHaveLength(1);
    expect(report.referrers[0]!.label).toBe(
      `A supporter who is not shown publicly (link ${quiet.data.referralCode.slice(0, 8)})`,
    );
    expect(JSON.stringify(report)).not.toMatch(/@|Ada|Lovelace/);
  });

  it("reports on a pledge's takers the same way", async () => {
    const pledge = (await getFeaturedCampaign())!.pledge!;
    const [commitment] = DEMO_COMMITMENTS;
    const taken = await takePledge(
      pledge.slug,
      { ...signer("taker@example.org"), commitments: [commitment!.slug] },
      { ip: null, source: "podcast", referredBy: null, honeypot: null },
    );
    expect(taken.ok).toBe(true);
    const report = (await getActionReport(viewer, "pledge", pledge.slug))!;
    expect(report.perHour.at(-1)).toMatchObject({ signed: 1, confirmed: 0 });
    expect(report.sources).toEqual([{ label: "podcast", count: 1 }]);
    expect(report.totals.pending).toBe(1);
  });

  it("is for members of staff only, and null for a petition that does not exist", async () => {
    await expect(
      getActionReport({ ...viewer, role: "none" } as unknown as StaffCaller, "petition", slug),
    ).rejects.toBeInstanceOf(NotAllowedError);
    expect(await getActionReport(viewer, "petition", "no-such-petition")).toBeNull();
  });
});

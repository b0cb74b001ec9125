import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import { getPetitionTotals } from "@/db/queries/petitions";
import { redeemSupportToken } from "@/db/queries/support-tokens";
import { signatures } from "@/db/schema";
import { CAMPAIGN_TIME_ZONE } from "@/lib/domain/campaign-day";
import { hashToken } from "@/lib/signing/tokens";
import { confirmTokenFor, freshDemoPetition, signAs } from "../helpers/signing";

// "N signed today" on the public pages: signatures confirmed since midnight in Washington, D.C.
describe("signed today", () => {
  let slug: string;
  beforeAll(async () => {
    ({ slug } = await freshDemoPetition());
  });
  afterAll(closeDb);

  const signedToday = async () => (await getPetitionTotals(slug, { fresh: true }))!.signedToday;
  const confirm = async (email: string) => {
    await signAs(slug, email);
    await redeemSupportToken("petition", hashToken(await confirmTokenFor(email)), "confirm");
  };

  it("counts confirmations, not signatures still waiting for theirs", async () => {
    expect(await signedToday()).toBe(0);
    await signAs(slug, "waiting@example.org");
    expect(await signedToday()).toBe(0);
    await confirm("today@example.org");
    expect(await signedToday()).toBe(1);
  });

  it("starts again at midnight Eastern Time", async () => {
    await confirm("yesterday@example.org");
    expect(await signedToday()).toBe(2);
    // One second before today's midnight in the campaign's time zone: yesterday's.
    await getDb()
      .update(signatures)
      .set({
        verifiedAt: sql`(date_trunc('day', now() at time zone ${CAMPAIGN_TIME_ZONE}) at time zone ${CAMPAIGN_TIME_ZONE}) - interval '1 second'`,
      })
      .where(eq(signatures.email, "yesterday@example.org"));
    expect(await signedToday()).toBe(1);
    expect((await getPetitionTotals(slug, { fresh: true }))!.verified).toBe(2);
  });
});

import { eq } from "drizzle-orm";
import { DEMO_CAMPAIGN, DEMO_COMMITMENTS, DEMO_FIGURES, DEMO_PETITION, DEMO_PLEDGE } from "./demo-campaign";
import type { Db } from "./drivers/types";
import { DEMO_STORY } from "./demo-story";
import { campaigns, impactFigures, petitions, pledgeCommitments, pledges, storyPages } from "./schema";

/**
 * Adds whatever part of the demo campaign is missing and leaves the rest alone: rows are keyed
 * by slug, so a second run inserts nothing and never overwrites what staff have edited.
 * Returns how many rows it inserted.
 */
export async function seedDemoCampaign(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    let inserted = 0;
    const count = (rows: unknown[]) => (inserted += rows.length);

    count(
      await tx.insert(campaigns).values(DEMO_CAMPAIGN).onConflictDoNothing().returning({ id: campaigns.id }),
    );
    const [campaign] = await tx
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(eq(campaigns.slug, DEMO_CAMPAIGN.slug));
    if (!campaign) throw new Error("The demo campaign was neither inserted nor found.");

    count(
      await tx
        .insert(impactFigures)
        .values(DEMO_FIGURES.map((figure) => ({ ...figure, campaignId: campaign.id })))
        .onConflictDoNothing()
        .returning({ id: impactFigures.id }),
    );
    count(
      await tx
        .insert(storyPages)
        .values(DEMO_STORY.map((page) => ({ ...page, campaignId: campaign.id })))
        .onConflictDoNothing()
        .returning({ id: storyPages.id }),
    );
    count(
      await tx
        .insert(petitions)
        .values({ ...DEMO_PETITION, campaignId: campaign.id })
        .onConflictDoNothing()
        .returning({ id: petitions.id }),
    );
    count(
      await tx
        .insert(pledges)
        .values({ ...DEMO_PLEDGE, campaignId: campaign.id })
        .onConflictDoNothing()
        .returning({ id: pledges.id }),
    );
    const [pledge] = await tx
      .select({ id: pledges.id })
      .from(pledges)
      .where(eq(pledges.slug, DEMO_PLEDGE.slug));
    if (pledge) {
      count(
        await tx
          .insert(pledgeCommitments)
          .values(DEMO_COMMITMENTS.map((commitment) => ({ ...commitment, pledgeId: pledge.id })))
          .onConflictDoNothing()
          .returning({ id: pledgeCommitments.id }),
      );
    }
    return inserted;
  });
}

import type { Metadata } from "next";
import { ImpactFigureGrid } from "@/components/campaign/impact-figure-grid";
import { StoryContents } from "@/components/campaign/story-contents";
import { getFeaturedCampaign } from "@/db/queries/campaigns";
import { getTotals } from "@/db/queries/counts";
import { listStoryPages } from "@/db/queries/story";
import { CampaignStanding } from "./_components/campaign-standing";
import { HomeHero } from "./_components/home-hero";

// Prerendered, then refreshed in the background every few seconds, so that staff edits reach
// every instance quickly (see expireTime in next.config.ts); the live counts update in the browser.
export const revalidate = 5;

export async function generateMetadata(): Promise<Metadata> {
  const campaign = await getFeaturedCampaign();
  return campaign ? { title: { absolute: campaign.headline }, description: campaign.summary } : {};
}

export default async function HomePage() {
  const campaign = await getFeaturedCampaign();
  if (!campaign) return <p>There is no campaign here yet. Staff can add one from the console.</p>;
  const { petition, pledge } = campaign;
  const [petitionTotals, pledgeTotals, story] = await Promise.all([
    petition ? getTotals("petition", petition.id) : null,
    pledge ? getTotals("pledge", pledge.id) : null,
    listStoryPages(),
  ]);

  return (
    <div className="space-y-14">
      <HomeHero {...campaign} pledgeSlug={pledge?.slug ?? null} />
      <CampaignStanding
        petition={petition && petitionTotals ? { slug: petition.slug, ...petitionTotals } : null}
        pledge={pledge && pledgeTotals ? { slug: pledge.slug, verified: pledgeTotals.verified } : null}
      />
      <section aria-labelledby="impact-heading" className="space-y-3">
        <h2 id="impact-heading" className="font-serif text-2xl font-semibold">
          What {campaign.causeName} reports about its work
        </h2>
        <p className="max-w-prose text-sm text-muted">
          These are {campaign.causeName}&apos;s own figures, as it reported them. They are not independent
          counts, and not counts of this campaign.
        </p>
        <ImpactFigureGrid figures={campaign.figures} />
      </section>
      {story.length > 0 ? (
        <section aria-labelledby="story-heading" className="space-y-3">
          <h2 id="story-heading" className="font-serif text-2xl font-semibold">
            The story, in {story.length} short parts
          </h2>
          <StoryContents pages={story} />
        </section>
      ) : null}
    </div>
  );
}

import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { readDb } from "@/db";
import { campaigns, storyPages } from "@/db/schema";
import { getFeaturedCampaignId } from "./featured-campaign";
import { listImpactFigures, type PublicImpactFigure } from "./impact-figures";

export interface StoryPageLink {
  slug: string;
  position: number;
  title: string;
  summary: string;
}

export interface StoryPageView extends StoryPageLink {
  body: string;
  figures: PublicImpactFigure[];
  /** The cause whose figures these are, for their attribution. */
  cause: { name: string; url: string | null };
  total: number;
  previous: StoryPageLink | null;
  next: StoryPageLink | null;
}

export async function listStoryPages(): Promise<StoryPageLink[]> {
  const campaignId = await getFeaturedCampaignId(readDb());
  if (!campaignId) return [];
  return readDb()
    .select({
      slug: storyPages.slug,
      position: storyPages.position,
      title: storyPages.title,
      summary: storyPages.summary,
    })
    .from(storyPages)
    .where(eq(storyPages.campaignId, campaignId))
    .orderBy(asc(storyPages.position));
}

/** One page of the featured campaign's story with its figures and neighbours; null if unknown. */
export async function getStoryPage(slug: string): Promise<StoryPageView | null> {
  const campaignId = await getFeaturedCampaignId(readDb());
  if (!campaignId) return null;
  const [page] = await readDb()
    .select({ body: storyPages.body, figureSlugs: storyPages.figureSlugs })
    .from(storyPages)
    .where(and(eq(storyPages.campaignId, campaignId), eq(storyPages.slug, slug)));
  if (!page) return null;
  const [pages, figures, [cause]] = await Promise.all([
    listStoryPages(),
    listImpactFigures(campaignId, page.figureSlugs),
    readDb()
      .select({ name: campaigns.causeName, url: campaigns.causeUrl })
      .from(campaigns)
      .where(eq(campaigns.id, campaignId)),
  ]);
  const index = pages.findIndex((link) => link.slug === slug);
  return {
    ...pages[index]!,
    body: page.body,
    figures,
    cause: cause ?? { name: "", url: null },
    total: pages.length,
    previous: pages[index - 1] ?? null,
    next: pages[index + 1] ?? null,
  };
}

import "server-only";
import { asc, eq } from "drizzle-orm";
import { readDb } from "@/db";
import { campaigns, storyPages } from "@/db/schema";
import type { Locale } from "@/lib/domain/locale";
import { localizeRow, TRANSLATABLE_FIELDS, type TranslatableField } from "@/lib/domain/translations";
import { getFeaturedCampaignId } from "./featured-campaign";
import { listImpactFigures, type PublicImpactFigure } from "./impact-figures";

export interface StoryPageLink {
  slug: string;
  position: number;
  title: string;
  summary: string;
  /** The texts shown in English because they have no translation in the language asked for. */
  untranslated: TranslatableField<"story">[];
}

const storyColumns = {
  slug: storyPages.slug,
  position: storyPages.position,
  title: storyPages.title,
  summary: storyPages.summary,
  body: storyPages.body,
  figureSlugs: storyPages.figureSlugs,
  translations: storyPages.translations,
};

export interface StoryPageView extends StoryPageLink {
  body: string;
  figures: PublicImpactFigure[];
  /** The cause whose figures these are, for their attribution. */
  cause: { name: string; url: string | null };
  total: number;
  previous: StoryPageLink | null;
  next: StoryPageLink | null;
}

/** The featured campaign's story pages in order, in `locale` (English where untranslated), bodies and all. */
async function listLocalizedPages(campaignId: string, locale: Locale) {
  const rows = await readDb()
    .select(storyColumns)
    .from(storyPages)
    .where(eq(storyPages.campaignId, campaignId))
    .orderBy(asc(storyPages.position));
  return rows.map((row) => localizeRow(row, TRANSLATABLE_FIELDS.story, locale));
}

const linkOf = ({ slug, position, title, summary, untranslated }: StoryPageLink): StoryPageLink => ({
  untranslated,
  slug,
  position,
  title,
  summary,
});

export async function listStoryPages(locale: Locale = "en"): Promise<StoryPageLink[]> {
  const campaignId = await getFeaturedCampaignId(readDb());
  if (!campaignId) return [];
  return (await listLocalizedPages(campaignId, locale)).map(linkOf);
}

/** One page of the featured campaign's story, in `locale`, with its figures and neighbours; null if unknown. */
export async function getStoryPage(slug: string, locale: Locale = "en"): Promise<StoryPageView | null> {
  const campaignId = await getFeaturedCampaignId(readDb());
  if (!campaignId) return null;
  const pages = await listLocalizedPages(campaignId, locale);
  const index = pages.findIndex((link) => link.slug === slug);
  const page = pages[index];
  if (!page) return null;
  const [figures, [cause]] = await Promise.all([
    listImpactFigures(campaignId, page.figureSlugs, locale),
    readDb()
      .select({ name: campaigns.causeName, url: campaigns.causeUrl })
      .from(campaigns)
      .where(eq(campaigns.id, campaignId)),
  ]);
  const previous = pages[index - 1];
  const next = pages[index + 1];
  return {
    ...linkOf(page),
    body: page.body,
    figures,
    cause: cause ?? { name: "", url: null },
    total: pages.length,
    previous: previous ? linkOf(previous) : null,
    next: next ? linkOf(next) : null,
  };
}

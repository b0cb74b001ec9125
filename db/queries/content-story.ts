import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { storyPages } from "@/db/schema";
import type { StoryPageContent } from "@/lib/domain/content";
import { assertRole, type StaffCaller } from "@/lib/domain/roles";
import {
  missingTranslations,
  TRANSLATABLE_FIELDS,
  type TranslatedFields,
  type TranslationLocale,
} from "@/lib/domain/translations";
import {
  columnsOfChanges,
  saveWithVersion,
  versionOf,
  withTranslatedFields,
  type SaveOutcome,
} from "./content-save";
import { getFeaturedCampaignId } from "./featured-campaign";

export interface StoryPageSummary {
  slug: string;
  position: number;
  title: string;
  /** The texts each language other than English has no translation of yet. */
  missing: Record<TranslationLocale, string[]>;
}

export type EditableStoryPage = StoryPageContent &
  TranslatedFields<(typeof TRANSLATABLE_FIELDS.story)[number]> & {
    slug: string;
    position: number;
    version: string;
  };

const storyColumns = {
  slug: storyPages.slug,
  position: storyPages.position,
  title: storyPages.title,
  summary: storyPages.summary,
  body: storyPages.body,
  translations: storyPages.translations,
  version: versionOf(storyPages.updatedAt),
};

/** The featured campaign's story pages, in reading order: the ones the public site shows. */
export async function listEditableStoryPages(caller: StaffCaller): Promise<StoryPageSummary[]> {
  assertRole(caller, "editor");
  const campaignId = await getFeaturedCampaignId();
  if (!campaignId) return [];
  const rows = await getDb()
    .select({
      slug: storyPages.slug,
      position: storyPages.position,
      title: storyPages.title,
      translations: storyPages.translations,
    })
    .from(storyPages)
    .where(eq(storyPages.campaignId, campaignId))
    .orderBy(asc(storyPages.position));
  return rows.map(({ translations, ...row }) => ({
    ...row,
    missing: missingTranslations(TRANSLATABLE_FIELDS.story, translations),
  }));
}

export async function getEditableStoryPage(
  caller: StaffCaller,
  slug: string,
): Promise<EditableStoryPage | null> {
  assertRole(caller, "editor");
  const campaignId = await getFeaturedCampaignId();
  if (!campaignId) return null;
  const [row] = await getDb()
    .select(storyColumns)
    .from(storyPages)
    .where(and(eq(storyPages.campaignId, campaignId), eq(storyPages.slug, slug)));
  return row ? withTranslatedFields(row, TRANSLATABLE_FIELDS.story) : null;
}

/** Saves a story page's texts in every language, unless someone else saved it since `version`. */
export async function updateStoryPageContent(
  caller: StaffCaller,
  slug: string,
  version: string,
  content: StoryPageContent,
): Promise<SaveOutcome> {
  const campaignId = await getFeaturedCampaignId();
  return saveWithVersion(caller, {
    subjectType: "story_page",
    action: "content.story.update",
    version,
    content,
    lock: async (tx) => {
      if (!campaignId) return undefined;
      const [row] = await tx
        .select({ id: storyPages.id, ...storyColumns })
        .from(storyPages)
        .where(and(eq(storyPages.campaignId, campaignId), eq(storyPages.slug, slug)))
        .for("update");
      return row && { ...withTranslatedFields(row, TRANSLATABLE_FIELDS.story), label: row.slug };
    },
    write: async (tx, id, changes, row) => {
      await tx
        .update(storyPages)
        .set(columnsOfChanges(TRANSLATABLE_FIELDS.story, changes, row))
        .where(eq(storyPages.id, id));
    },
  });
}

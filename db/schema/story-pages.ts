import { sql } from "drizzle-orm";
import { integer, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { campaigns } from "./campaigns";
import type { TranslatableField } from "@/lib/domain/translations";
import { createdAt, id, translations, updatedAt } from "./columns";

/**
 * A campaign's story, read in order. The body is plain text: paragraphs separated by blank
 * lines, "## " for a subheading, and "> quote — attribution" for a short attributed quotation.
 */
export const storyPages = pgTable(
  "story_pages",
  {
    id: id(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    body: text("body").notNull(),
    /** Impact figures shown beside this page, by their slugs, in this order. */
    figureSlugs: text("figure_slugs")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    translations: translations<TranslatableField<"story">>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("story_pages_campaign_slug").on(t.campaignId, t.slug),
    unique("story_pages_campaign_position").on(t.campaignId, t.position),
  ],
);

export type StoryPage = typeof storyPages.$inferSelect;
export type NewStoryPage = typeof storyPages.$inferInsert;

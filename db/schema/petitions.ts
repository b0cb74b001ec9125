import { boolean, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { campaigns } from "./campaigns";
import type { TranslatableField } from "@/lib/domain/translations";
import { createdAt, id, translations, updatedAt } from "./columns";

export const petitions = pgTable("petitions", {
  id: id(),
  campaignId: uuid("campaign_id")
    .notNull()
    .references(() => campaigns.id, { onDelete: "cascade" }),
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  /** Who is asked to act: "Members of the U.S. Congress". */
  target: text("target").notNull(),
  /** The ask itself, the sentence people put their name to. */
  ask: text("ask").notNull(),
  /** Why it matters, in a few paragraphs separated by blank lines. */
  background: text("background").notNull(),
  /** A fixed goal set by staff; null means the goal steps up automatically as it is passed. */
  goal: integer("goal"),
  isOpen: boolean("is_open").notNull().default(true),
  closesAt: timestamp("closes_at", { withTimezone: true }),
  requiresConfirmation: boolean("requires_confirmation").notNull().default(true),
  /** Pre-moderation: every comment waits for staff approval before it is shown. */
  reviewsComments: boolean("reviews_comments").notNull().default(false),
  /**
   * Publishes verified counts by place and by hour or day (the open-count endpoints and the public
   * page's lists). Off until staff choose it: even folded, a breakdown says something about where
   * supporters are.
   */
  publishesOpenCounts: boolean("publishes_open_counts").notNull().default(false),
  translations: translations<TranslatableField<"petition">>(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export type Petition = typeof petitions.$inferSelect;
export type NewPetition = typeof petitions.$inferInsert;

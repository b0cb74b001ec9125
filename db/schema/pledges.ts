import { boolean, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { campaigns } from "./campaigns";
import type { TranslatableField } from "@/lib/domain/translations";
import { createdAt, id, translations, updatedAt } from "./columns";

export const pledges = pgTable("pledges", {
  id: id(),
  campaignId: uuid("campaign_id")
    .notNull()
    .references(() => campaigns.id, { onDelete: "cascade" }),
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  /** The promise in the first person: "I will ...". */
  statement: text("statement").notNull(),
  background: text("background").notNull(),
  goal: integer("goal"),
  isOpen: boolean("is_open").notNull().default(true),
  /** When it stops taking promises by itself; null keeps it open until staff close it. */
  closesAt: timestamp("closes_at", { withTimezone: true }),
  requiresConfirmation: boolean("requires_confirmation").notNull().default(true),
  /** Days after confirming when a pledger is asked whether they did it; null sends no follow-up. */
  followUpAfterDays: integer("follow_up_after_days"),
  /**
   * Publishes verified counts by place and by hour or day (the open-count endpoints and the public
   * page's lists). Off until staff choose it: even folded, a breakdown says something about where
   * supporters are.
   */
  publishesOpenCounts: boolean("publishes_open_counts").notNull().default(false),
  translations: translations<TranslatableField<"pledge">>(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export type Pledge = typeof pledges.$inferSelect;
export type NewPledge = typeof pledges.$inferInsert;

import { pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";

export const campaigns = pgTable("campaigns", {
  id: id(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  headline: text("headline").notNull(),
  summary: text("summary").notNull(),
  /** The organisation whose work the campaign is about, as named on its pages. */
  causeName: text("cause_name").notNull(),
  causeUrl: text("cause_url"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export type Campaign = typeof campaigns.$inferSelect;
export type NewCampaign = typeof campaigns.$inferInsert;

import { sql } from "drizzle-orm";
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
  /**
   * The origins (scheme, host and port) allowed to frame this campaign's embeds, sent as the
   * embeds' `frame-ancestors` (lib/domain/embed-origins.ts). Empty: no site may frame them.
   */
  embedOrigins: text("embed_origins")
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export type Campaign = typeof campaigns.$inferSelect;
export type NewCampaign = typeof campaigns.$inferInsert;

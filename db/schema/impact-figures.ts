import { sql } from "drizzle-orm";
import { bigint, boolean, check, integer, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { campaigns } from "./campaigns";
import type { TranslatableField } from "@/lib/domain/translations";
import { createdAt, id, translations, updatedAt } from "./columns";
import { figureNotation, reportingMethod } from "./enums";

/** A figure the cause reports about its own impact, kept with everything needed to attribute it. */
export const impactFigures = pgTable(
  "impact_figures",
  {
    id: id(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    value: bigint("value", { mode: "number" }).notNull(),
    /** True when the source says "more than" or "over": shown as "140,000+". */
    isLowerBound: boolean("is_lower_bound").notNull().default(false),
    notation: figureNotation("notation").notNull().default("standard"),
    /** What one unit is, in the plural: "teens", "technology companies". */
    unit: text("unit").notNull(),
    /** What the figure counts, as a sentence fragment after the number. */
    counts: text("counts").notNull(),
    /** The period the figure covers: "2017", "as of 2018". */
    period: text("period").notNull(),
    reportedBy: text("reported_by").notNull(),
    /** Where it was reported: "its 2017 impact report". */
    reportedIn: text("reported_in").notNull(),
    /** Who relayed it, when the campaign read it second-hand: "People, 2018". */
    quotedBy: text("quoted_by"),
    sourceUrl: text("source_url"),
    method: reportingMethod("method").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
    translations: translations<TranslatableField<"figure">>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("impact_figures_campaign_slug").on(t.campaignId, t.slug),
    // A figure is never shown without what it counts, who reported it, where, and for when.
    check(
      "impact_figures_attributed",
      sql`btrim(${t.unit}) <> '' and btrim(${t.counts}) <> '' and btrim(${t.period}) <> ''
        and btrim(${t.reportedBy}) <> '' and btrim(${t.reportedIn}) <> ''`,
    ),
  ],
);

export type ImpactFigure = typeof impactFigures.$inferSelect;
export type NewImpactFigure = typeof impactFigures.$inferInsert;

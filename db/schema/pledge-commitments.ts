import { integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import type { TranslatableField } from "@/lib/domain/translations";
import { createdAt, id, translations, updatedAt } from "./columns";
import { pledges } from "./pledges";

export const pledgeCommitments = pgTable(
  "pledge_commitments",
  {
    id: id(),
    pledgeId: uuid("pledge_id")
      .notNull()
      .references(() => pledges.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    /** "I'll do it if N others will": the commitment is on once this many have taken it. */
    threshold: integer("threshold"),
    activatedAt: timestamp("activated_at", { withTimezone: true }),
    /**
     * No longer offered to new takers. A commitment people chose is retired, never deleted:
     * their choice and its counts (count_slots) stay.
     */
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    sortOrder: integer("sort_order").notNull().default(0),
    translations: translations<TranslatableField<"commitment">>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique("pledge_commitments_pledge_slug").on(t.pledgeId, t.slug)],
);

export type PledgeCommitment = typeof pledgeCommitments.$inferSelect;
export type NewPledgeCommitment = typeof pledgeCommitments.$inferInsert;

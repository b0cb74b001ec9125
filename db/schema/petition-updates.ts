import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import {
  PETITION_UPDATE_BODY_MAX,
  PETITION_UPDATE_TITLE_MAX,
  type PetitionUpdateField,
} from "../../lib/domain/petition-updates";
import { createdAt, id, translations, updatedAt } from "./columns";
import { petitionUpdateKind } from "./enums";
import { petitions } from "./petitions";
import { users } from "./users";

/**
 * What staff tell a petition's signers after it reaches its target: delivered, a response
 * received, a hearing scheduled. Shown on the petition's page, newest first, and emailed at most
 * once: `emailed_at` is set in the transaction that queues the emails, and a second send finds it set.
 */
export const petitionUpdates = pgTable(
  "petition_updates",
  {
    id: id(),
    petitionId: uuid("petition_id")
      .notNull()
      .references(() => petitions.id, { onDelete: "cascade" }),
    kind: petitionUpdateKind("kind").notNull(),
    /** The day it happened (a date with no time: the page shows it as written, in no time zone). */
    happenedOn: date("happened_on", { mode: "string" }).notNull(),
    /** For a hearing: the day of the hearing itself; only a hearing has one. */
    hearingOn: date("hearing_on", { mode: "string" }),
    title: text("title").notNull(),
    /** Plain text, paragraphs separated by blank lines; never read as HTML. */
    body: text("body").notNull(),
    translations: translations<PetitionUpdateField>(),
    postedById: text("posted_by_id").references(() => users.id, { onDelete: "set null" }),
    postedBy: text("posted_by").notNull(),
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
    /** How many emails were queued when it was sent: the signers who wanted updates at that moment. */
    emailedCount: integer("emailed_count"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("petition_updates_petition_happened").on(t.petitionId, t.happenedOn, t.createdAt),
    check(
      "petition_updates_hearing_date",
      sql`(${t.kind} = 'hearing-scheduled') = (${t.hearingOn} is not null)`,
    ),
    check(
      "petition_updates_lengths",
      sql`char_length(${t.title}) between 1 and ${sql.raw(String(PETITION_UPDATE_TITLE_MAX))} and char_length(${t.body}) between 1 and ${sql.raw(String(PETITION_UPDATE_BODY_MAX))}`,
    ),
  ],
);

export type PetitionUpdate = typeof petitionUpdates.$inferSelect;

import { index, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";

/**
 * One row per person, as the OSDI API serves them: everyone who signed or pledged with the same
 * canonical email is one person, with a stable id. Kept by triggers on signatures and pledge
 * takers (migration 0020), not by the app: every path that writes a supporter (forms, API,
 * console, retention, erasure) keeps it right. `updated_at` is OSDI's `modified_date` for the
 * person: it moves whenever one of their signatures or pledges changes (confirmed, withdrawn,
 * rejected), which is how a syncing client learns of a withdrawal. A person whose every row is
 * erased or deleted is deleted: erased people are gone from every answer.
 */
export const people = pgTable(
  "people",
  {
    id: id(),
    emailCanonical: text("email_canonical").notNull().unique(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  // The OSDI API pages through people by modified date (keyset pages).
  (t) => [index("people_updated_id").on(t.updatedAt, t.id)],
);

export type Person = typeof people.$inferSelect;

import { bigint, pgTable, primaryKey, smallint, uuid } from "drizzle-orm/pg-core";
import { countSubject, supportState } from "./enums";

/**
 * Exact totals without a hot row: each change adds +1/-1 to one of several slots (the slot is
 * fixed per supporter), in the transaction that changes the row's state, and a total is the sum
 * of its slots.
 */
export const countSlots = pgTable(
  "count_slots",
  {
    subject: countSubject("subject").notNull(),
    subjectId: uuid("subject_id").notNull(),
    state: supportState("state").notNull(),
    slot: smallint("slot").notNull(),
    count: bigint("count", { mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.subject, t.subjectId, t.state, t.slot] })],
);

export type CountSlot = typeof countSlots.$inferSelect;

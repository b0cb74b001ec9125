import { index, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { pledgeCommitments } from "./pledge-commitments";
import { pledgeTakers } from "./pledge-takers";

/** Which commitments a pledge taker chose, and when they said they had done it. */
export const pledgeTakerCommitments = pgTable(
  "pledge_taker_commitments",
  {
    takerId: uuid("taker_id")
      .notNull()
      .references(() => pledgeTakers.id, { onDelete: "cascade" }),
    commitmentId: uuid("commitment_id")
      .notNull()
      .references(() => pledgeCommitments.id, { onDelete: "cascade" }),
    fulfilledAt: timestamp("fulfilled_at", { withTimezone: true }),
    followUpSentAt: timestamp("follow_up_sent_at", { withTimezone: true }),
    activationSentAt: timestamp("activation_sent_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.takerId, t.commitmentId] }),
    index("pledge_taker_commitments_commitment").on(t.commitmentId),
  ],
);

export type PledgeTakerCommitment = typeof pledgeTakerCommitments.$inferSelect;

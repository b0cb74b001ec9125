import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { tokenPurpose } from "./enums";

/**
 * Links emailed to supporters (confirm, withdraw, "I did it"). Only a SHA-256 of the token is
 * stored, so a copy of the database cannot be used to confirm or withdraw anyone.
 */
export const actionTokens = pgTable(
  "action_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    purpose: tokenPurpose("purpose").notNull(),
    /** The signature, pledge taker or taker commitment the token acts on. */
    subjectId: uuid("subject_id").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("action_tokens_subject").on(t.subjectId)],
);

export type ActionToken = typeof actionTokens.$inferSelect;

import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";

/**
 * Email written in the same transaction as the change that causes it and sent after commit, so a
 * crash never loses a message that was not yet handed to the mail server. One that was being
 * handed over when its instance died (`handedAt` set, never `sentAt`) is not sent again: the mail
 * server may have taken it, and a supporter who got nothing gets a fresh link by signing again.
 */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: id(),
    /** Makes writing the same message twice a no-op ("activation:<commitment>:<taker>"). */
    dedupeKey: text("dedupe_key").notNull().unique(),
    /** Blanked when the message is pruned (db/queries/retention.ts); `recipientHash` stays. */
    recipient: text("recipient").notNull(),
    /** A keyed hash of the lower-cased address, written when the message is pruned: proof of delivery without the address. */
    recipientHash: text("recipient_hash"),
    template: text("template").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    sendAfter: timestamp("send_after", { withTimezone: true }).notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    /** Set just before the message goes to the mail server; cleared when the server refuses it. */
    handedAt: timestamp("handed_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    lastError: text("last_error"),
    /** When the subject, body and address were blanked, keeping what proves delivery (id, template, times, hash). */
    prunedAt: timestamp("pruned_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("outbox_messages_unsent")
      .on(t.sendAfter)
      .where(sql`${t.sentAt} is null`),
    // Retention's scan for sent messages still holding their words.
    index("outbox_messages_unpruned")
      .on(t.createdAt)
      .where(sql`${t.prunedAt} is null`),
  ],
);

export type OutboxMessage = typeof outboxMessages.$inferSelect;
export type NewOutboxMessage = typeof outboxMessages.$inferInsert;

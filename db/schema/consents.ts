import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { consentChannel, consentKind } from "./enums";
import { pledgeTakers } from "./pledge-takers";
import { signatures } from "./signatures";

/**
 * The exact words a supporter was shown when they agreed to something, one row per version:
 * `id` is "<kind>/<version>/<locale>", the version the first 12 hex digits of the SHA-256 of the
 * text, so that changing the words (in messages/*.json, or the privacy notice's version or
 * periods) makes a new row by itself (lib/signing/consent-texts.ts registers each on first use).
 * The "<kind>/legacy" rows stand for consents given before the words were recorded: their text
 * says so and they have no hash.
 */
export const consentTexts = pgTable("consent_texts", {
  id: text("id").primaryKey(),
  kind: consentKind("kind").notNull(),
  locale: text("locale"),
  text: text("text").notNull(),
  sha256: text("sha256"),
  createdAt: createdAt(),
});

/**
 * One row per consent given by a signer or a pledge taker: what (kind and the text's id and
 * hash), when, how (channel), and when it was withdrawn. Written only by the triggers on
 * signatures and pledge_takers (the migration's hand-written part), so that every path (forms,
 * API, console, links, erasure, retention) keeps them complete. No personal data: an erased
 * supporter's consents stay as the record of what was agreed and when it ended.
 */
export const consents = pgTable(
  "consents",
  {
    id: id(),
    signatureId: uuid("signature_id").references(() => signatures.id, { onDelete: "cascade" }),
    pledgeTakerId: uuid("pledge_taker_id").references(() => pledgeTakers.id, { onDelete: "cascade" }),
    kind: consentKind("kind").notNull(),
    textId: text("text_id")
      .notNull()
      .references(() => consentTexts.id),
    /** The SHA-256 of the text, copied so that the row proves what was shown on its own; null for legacy. */
    textHash: text("text_hash"),
    channel: consentChannel("channel").notNull(),
    givenAt: timestamp("given_at", { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
  },
  (t) => [
    check("consents_one_supporter", sql`num_nonnulls(${t.signatureId}, ${t.pledgeTakerId}) = 1`),
    index("consents_signature").on(t.signatureId, t.kind, t.givenAt),
    index("consents_pledge_taker").on(t.pledgeTakerId, t.kind, t.givenAt),
    // At most one standing consent of each kind per supporter.
    uniqueIndex("consents_signature_open")
      .on(t.signatureId, t.kind)
      .where(sql`${t.withdrawnAt} is null and ${t.signatureId} is not null`),
    uniqueIndex("consents_pledge_taker_open")
      .on(t.pledgeTakerId, t.kind)
      .where(sql`${t.withdrawnAt} is null and ${t.pledgeTakerId} is not null`),
  ],
);

export type ConsentText = typeof consentTexts.$inferSelect;
export type Consent = typeof consents.$inferSelect;

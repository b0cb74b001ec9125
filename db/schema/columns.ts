import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  inet,
  integer,
  jsonb,
  text,
  timestamp,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { DEFAULT_LOCALE } from "@/lib/domain/locale";
import { LANGUAGE_TAG, PREFERRED_LANGUAGE_MAX_LENGTH } from "@/lib/domain/preferred-language";
import type { Translations } from "@/lib/domain/translations";
import { rejectionCategory, supportState, type ConsentChannel, type ConsentKind } from "./enums";

/** What `consent_context` holds (see supporterColumns). */
export interface ConsentContext {
  channel?: ConsentChannel;
  texts?: Partial<Record<ConsentKind, string>>;
}

export const id = () => uuid("id").primaryKey().defaultRandom();

export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/**
 * The row's text in languages other than English, `{ "es": { "title": "…" } }`, holding only
 * what is translated (English, in the row's own columns, is the source and always complete).
 * A column on the row rather than a table of translations: an edit of both languages is one
 * row, one lock and one version (updated_at), so the console's stale-save refusal covers every
 * language at once, and a public read needs no join. Written only through the shape checked by
 * translationsSchema (lib/domain/translations.ts).
 */
export const translations = <F extends string>() =>
  jsonb("translations").$type<Translations<F>>().notNull().default({});

export const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => sql`now()`);

/**
 * The columns a signature and a pledge taker share: who they are, the consent they gave and
 * when, where they came from, and where they are in the verification life cycle.
 * Personal columns are nullable because erasure blanks them and keeps an anonymous row.
 */
export const supporterColumns = () => ({
  id: id(),
  state: supportState("state").notNull().default("pending"),
  rejectionReason: text("rejection_reason"),
  /** How it was rejected (lib/domain/enums.ts): what the public integrity page says; null before it was kept. */
  rejectionCategory: rejectionCategory("rejection_category"),
  /** Set while the row is held back from the total (see `held` in enums.ts); cleared on release. */
  heldAt: timestamp("held_at", { withTimezone: true }),
  /** Why it was held, kept after release for the record. */
  holdReason: text("hold_reason"),
  releasedAt: timestamp("released_at", { withTimezone: true }),
  firstName: text("first_name"),
  lastName: text("last_name"),
  email: text("email"),
  /** Trimmed, lower-cased, "+tag" removed, Gmail dots ignored: the key that makes one person count once. */
  emailCanonical: text("email_canonical"),
  country: text("country"),
  postalCode: text("postal_code"),
  /** State, province or country, the most a public signer is ever located by. */
  locality: text("locality"),
  comment: text("comment"),
  isPublic: boolean("is_public").notNull().default(false),
  privacyNoticeVersion: text("privacy_notice_version").notNull(),
  privacyAcceptedAt: timestamp("privacy_accepted_at", { withTimezone: true }).notNull(),
  wantsUpdates: boolean("wants_updates").notNull().default(false),
  wantsUpdatesAt: timestamp("wants_updates_at", { withTimezone: true }),
  /**
   * How and with which words this supporter last gave a consent (db/schema/consents.ts): the
   * channel, when the app knows it better than the row shows (the public API without a key), and
   * the consent texts' ids by kind, `{ "channel": "api", "texts": { "privacy_notice": "privacy_notice/3f2a…/en" } }`.
   * Read by the consent triggers; null (rows written before, or by hand) means the "<kind>/legacy" texts.
   */
  consentContext: jsonb("consent_context").$type<ConsentContext>(),
  source: text("source"),
  /**
   * OSDI's `preferred_language`, an RFC 5646 tag: the page's language when they used a form, what
   * an API client sent, else English. Every later email is written in it (lib/domain/preferred-language.ts).
   */
  preferredLanguage: text("preferred_language").notNull().default(DEFAULT_LOCALE),
  /** This supporter's own code, carried on the links they share. */
  referralCode: text("referral_code").notNull(),
  /** The referral code on the link they arrived by. */
  referredBy: text("referred_by"),
  ipAddress: inet("ip_address"),
  /** How many times this address was told it had already signed; capped so nobody is flooded. */
  repeatNotices: integer("repeat_notices").notNull().default(0),
  /** When the one reminder to confirm was queued (lib/jobs/confirm-reminders.ts); never cleared, so never twice. */
  reminderSentAt: timestamp("reminder_sent_at", { withTimezone: true }),
  createdAt: createdAt(),
  verifiedAt: timestamp("verified_at", { withTimezone: true }),
  rejectedAt: timestamp("rejected_at", { withTimezone: true }),
  withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
  erasedAt: timestamp("erased_at", { withTimezone: true }),
  updatedAt: updatedAt(),
});

/** The check that a supporter's `preferred_language` is shaped as a language tag (not that Upstand speaks it). */
export const preferredLanguageCheck = (table: string, column: AnyPgColumn) =>
  check(
    `${table}_preferred_language_tag`,
    sql`${column} ~* ${sql.raw(`'${LANGUAGE_TAG.source}'`)} and char_length(${column}) <= ${sql.raw(String(PREFERRED_LANGUAGE_MAX_LENGTH))}`,
  );

/**
 * Where a supporter came from beyond Upstand's own `source` and `ref` codes: the campaign tags
 * (utm_*) of the link they arrived by, the partner site whose page sent them (its origin, OSDI's
 * `referrer_data.website`) and that page's address cleaned of personal data (lib/domain/referrer.ts,
 * OSDI's `referrer_data.url`), and whether they signed in a partner's embedded frame.
 */
export const referrerColumns = () => ({
  utmSource: text("utm_source"),
  utmMedium: text("utm_medium"),
  utmCampaign: text("utm_campaign"),
  utmTerm: text("utm_term"),
  utmContent: text("utm_content"),
  referrerWebsite: text("referrer_website"),
  referrerUrl: text("referrer_url"),
  viaEmbed: boolean("via_embed").notNull().default(false),
});

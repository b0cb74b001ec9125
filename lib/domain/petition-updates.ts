import { formatDate } from "./format";
import type { Locale } from "./locale";

// Decision-maker updates: what staff post on a petition after it reaches the people it asks
// (delivered, a response received, a hearing scheduled), shown on its page as a timeline and,
// once, emailed to the signers who asked for updates.

export const PETITION_UPDATE_KINDS = [
  "delivered",
  "response-received",
  "hearing-scheduled",
  "other",
] as const;
export type PetitionUpdateKind = (typeof PETITION_UPDATE_KINDS)[number];

/** Each kind as the staff console names it (the public page takes its words from the messages files). */
export const PETITION_UPDATE_KIND_WORDS: Record<PetitionUpdateKind, string> = {
  delivered: "Delivered",
  "response-received": "Response received",
  "hearing-scheduled": "Hearing scheduled",
  other: "Other",
};

export const PETITION_UPDATE_TITLE_MAX = 120;
export const PETITION_UPDATE_BODY_MAX = 2_000;

/** The reader-facing text of an update, translatable like the petition's own (lib/domain/translations.ts). */
export const PETITION_UPDATE_FIELDS = ["title", "body"] as const;
export type PetitionUpdateField = (typeof PETITION_UPDATE_FIELDS)[number];

/** How long the stop-updates link in an update email works, as the pledge emails' links do. */
export const UPDATE_UNSUBSCRIBE_TTL_DAYS = 730;

/** Each kind's key in the messages files (`emails.petitionUpdate.kinds`, `petitionUpdates.kinds`). */
export const KIND_KEYS = {
  delivered: "delivered",
  "response-received": "responseReceived",
  "hearing-scheduled": "hearingScheduled",
  other: "other",
} as const satisfies Record<PetitionUpdateKind, string>;

/** "2026-11-30" as "November 30, 2026" / "30 de noviembre de 2026": a day, in no time zone. */
export const dayInWords = (day: string, locale: Locale) =>
  formatDate(new Date(`${day}T00:00:00Z`), locale, { dateStyle: "long", timeZone: "UTC" });

// The value lists behind the database's enum types. db/schema/enums.ts builds its pgEnums from
// these tuples, and forms, schemas and pages read them from here, so that a browser bundle that
// lists the states or roles carries a few strings and not the ORM.

/**
 * The life of a signature or a pledge: only `verified` rows count toward the public total.
 * `held`: confirmed by its owner but held back from the total, because it came in a burst from
 * one address, until staff (or, for a small burst, time) release it. A held row that is not yet
 * confirmed stays `pending`, with `held_at` set, and becomes `held` when confirmed.
 */
export const SUPPORT_STATES = ["pending", "verified", "rejected", "withdrawn", "held"] as const;
export type SupportState = (typeof SUPPORT_STATES)[number];

export const STAFF_ROLES = ["viewer", "editor", "admin"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** How a figure was established; the demo campaign's figures are all self-reported. */
export const REPORTING_METHODS = ["self-reported", "independently audited", "official statistics"] as const;
export type ReportingMethod = (typeof REPORTING_METHODS)[number];

export const FIGURE_NOTATIONS = ["standard", "compact"] as const;
export type FigureNotation = (typeof FIGURE_NOTATIONS)[number];

/**
 * What a counter slot counts: a petition's signatures, a pledge's takers, the takers of one
 * commitment, or those of them who said they did it (a fulfilment).
 */
export const COUNT_SUBJECTS = ["petition", "pledge", "commitment", "fulfilment"] as const;
export type CountSubject = (typeof COUNT_SUBJECTS)[number];

export const TOKEN_PURPOSES = [
  "confirm-signature",
  "withdraw-signature",
  "confirm-pledge",
  "withdraw-pledge",
  "fulfil-commitment",
  "unsubscribe-signature",
  "unsubscribe-pledge",
] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

/**
 * Where a public comment stands with the staff. `unreviewed`: shown, unless its petition reviews
 * every comment first; `reported`: hidden, because enough different people reported it, until
 * staff decide; `kept`: shown, and reports no longer hide it (staff have read this very text,
 * which its author cannot change); `removed`: never shown again.
 */
/**
 * How a supporter came to be rejected, the only reason the public integrity page gives (staff's
 * own words stay in the console and the audit log, where a name or an address may be): one by one
 * after review, in bulk by a rule on one network (IP range) or one email domain, or held as an
 * unusual burst and then rejected.
 */
export const REJECTION_CATEGORIES = ["review", "network", "email-domain", "burst"] as const;
export type RejectionCategory = (typeof REJECTION_CATEGORIES)[number];

export const COMMENT_REVIEWS = ["unreviewed", "reported", "kept", "removed"] as const;
export type CommentReview = (typeof COMMENT_REVIEWS)[number];

export { PETITION_UPDATE_KINDS, type PetitionUpdateKind } from "./petition-updates";

/** Each state of a supporter in the words staff read on the dashboard and reports. */
export const SUPPORT_STATE_WORDS: Record<SupportState, string> = {
  verified: "Confirmed",
  pending: "Waiting for email confirmation",
  held: "Held for review",
  withdrawn: "Withdrawn",
  rejected: "Rejected",
};

/**
 * What a supporter agreed to, each kept as its own consent record (db/schema/consents.ts):
 * the privacy notice (to sign at all), campaign updates by email, and being shown publicly.
 */
export const CONSENT_KINDS = ["privacy_notice", "updates", "public_display"] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

/**
 * How a consent was given: Upstand's own form, the signing API (with or without a partner's key),
 * an embedded form on another site, or the supporter's own "Your data" page.
 */
export const CONSENT_CHANNELS = ["form", "api", "embed", "portal"] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

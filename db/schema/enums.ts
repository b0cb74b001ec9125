import { pgEnum } from "drizzle-orm/pg-core";

/**
 * The life of a signature or a pledge: only `verified` rows count toward the public total.
 * `held`: confirmed by its owner but held back from the total, because it came in a burst from
 * one address, until staff (or, for a small burst, time) release it. A held row that is not yet
 * confirmed stays `pending`, with `held_at` set, and becomes `held` when confirmed.
 */
export const supportState = pgEnum("support_state", ["pending", "verified", "rejected", "withdrawn", "held"]);
export type SupportState = (typeof supportState.enumValues)[number];

export const staffRole = pgEnum("staff_role", ["viewer", "editor", "admin"]);
export type StaffRole = (typeof staffRole.enumValues)[number];

/** How a figure was established; the demo campaign's figures are all self-reported. */
export const reportingMethod = pgEnum("reporting_method", [
  "self-reported",
  "independently audited",
  "official statistics",
]);
export type ReportingMethod = (typeof reportingMethod.enumValues)[number];

export const figureNotation = pgEnum("figure_notation", ["standard", "compact"]);
export type FigureNotation = (typeof figureNotation.enumValues)[number];

/**
 * What a counter slot counts: a petition's signatures, a pledge's takers, the takers of one
 * commitment, or those of them who said they did it (a fulfilment).
 */
export const countSubject = pgEnum("count_subject", ["petition", "pledge", "commitment", "fulfilment"]);
export type CountSubject = (typeof countSubject.enumValues)[number];

export const tokenPurpose = pgEnum("token_purpose", [
  "confirm-signature",
  "withdraw-signature",
  "confirm-pledge",
  "withdraw-pledge",
  "fulfil-commitment",
]);
export type TokenPurpose = (typeof tokenPurpose.enumValues)[number];

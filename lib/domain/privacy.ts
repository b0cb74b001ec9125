// What the privacy page promises, in one place, so that the jobs that keep the promises and the
// words that make them cannot drift apart.

/** Version of the privacy notice a supporter agrees to; stored with each signature. */
export const PRIVACY_NOTICE_VERSION = "2026-12";

/** A signature never confirmed is deleted this many days after it was made. */
export const UNCONFIRMED_RETENTION_DAYS = 30;

/** The IP address kept with a signature to stop abuse is erased after this many days. */
export const IP_RETENTION_DAYS = 90;

/** Signers' details are erased this many months after a petition closes; the count remains. */
export const CLOSED_PETITION_RETENTION_MONTHS = 12;

/** Pledge takers' details are erased on the same schedule, this many months after a pledge closes. */
export const CLOSED_PLEDGE_RETENTION_MONTHS = CLOSED_PETITION_RETENTION_MONTHS;

/**
 * A rejected signature or pledge (held and then rejected by staff too) keeps its name and address
 * this many days after the rejection, for questions about it; then only its state, reason and dates.
 */
export const REJECTED_RETENTION_DAYS = 30;

/**
 * A sent email keeps its words and address this many days by default (OUTBOX_RETENTION_DAYS), for
 * questions about delivery; then only its id, template, times and a keyed hash of the address.
 */
export const OUTBOX_RETENTION_DAYS_DEFAULT = 30;

/** The one reminder to confirm goes this many hours after signing by default (CONFIRM_REMINDER_AFTER_HOURS). */
export const CONFIRM_REMINDER_AFTER_HOURS_DEFAULT = 24;

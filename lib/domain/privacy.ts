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

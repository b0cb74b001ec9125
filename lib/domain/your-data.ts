// "Your data" (issue 18): the rules of the links and sessions that let a supporter see, change,
// download and erase what Upstand holds about their email address. No I/O.

/** An emailed "Your data" link works once, within this many hours. */
export const YOUR_DATA_LINK_TTL_HOURS = 24;

/** A session opened by a link ends this many minutes after it was opened (or at Sign out). */
export const YOUR_DATA_SESSION_MINUTES = 30;

/**
 * At most this many links are written for one address per hour, whoever asks: more requests get
 * the same answer and no email, so nobody can flood a stranger's inbox from the form.
 */
export const YOUR_DATA_LINKS_PER_ADDRESS_PER_HOUR = 3;

/** The session cookie: a random id; only its SHA-256 is stored (db/schema/your-data.ts). */
export const YOUR_DATA_COOKIE = "upstand_your_data";

/** The audit log's actor for what a person does on "Your data": no email, no name. */
export const YOUR_DATA_ACTOR = "supporter, on Your data";

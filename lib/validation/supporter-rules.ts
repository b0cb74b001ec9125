// The supporter forms' rules that the page needs before anyone types: limits shown in hints and
// labels, and which countries' postal codes are checked. No zod here, so that the petition and
// pledge pages can show them without loading the schemas (lib/validation/signature.ts loads
// them when someone starts filling in the form: components/forms/lazy-resolver.ts).

export const COMMENT_MAX = 500;
/**
 * A comment's length as its limit counts it: a line break is one character, whether the browser
 * sends it as LF or, in a form post, CRLF (it is stored as LF). The counter beside the box shows the same.
 */
export const commentLength = (value: string) => value.replace(/\r\n?/g, "\n").length;
export const NAME_MAX = 80;
export const EMAIL_MAX = 254;
export const POSTAL_CODE_MAX = 16;

// A Map, not an object: the country comes from the request, and "__proto__" or "toString" must
// find nothing rather than something inherited. Each country's message is `postalCode.<country>`
// in messages/*.json (`validation`).
export const POSTCODE_PATTERNS = new Map<string, RegExp>([
  ["US", /^\d{5}(-\d{4})?$/],
  ["GB", /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i],
  ["CA", /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/i],
]);

/** Does this country have a postal code format the form checks (and so requires)? */
export function requiresPostalCode(country: string): boolean {
  return POSTCODE_PATTERNS.has(country);
}

/** The fields `supporterFields` (lib/validation/signature.ts) checks, in the order it lists them. */
export const SUPPORTER_FIELD_NAMES = [
  "firstName",
  "lastName",
  "email",
  "country",
  "postalCode",
  "isPublic",
  "wantsUpdates",
  "acceptsPrivacy",
] as const;

export const PLEDGE_STEPS = ["commitments", "details", "check"] as const;
export type PledgeStep = (typeof PLEDGE_STEPS)[number];

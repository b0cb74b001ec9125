// Maps an OSDI record-signature-helper body (as Action Network and other OSDI systems send it)
// onto the petition form's fields, so both shapes meet the same schema and the same answers.

type Json = Record<string, unknown>;

const object = (value: unknown): Json | undefined =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
const first = (value: unknown): Json | undefined => (Array.isArray(value) ? object(value[0]) : undefined);

export function isOsdiSignature(body: Json): boolean {
  return object(body.person) !== undefined;
}

export interface LinkCodes {
  source: string | null;
  referredBy: string | null;
  /** OSDI's `referrer_data.website` and `url`, as sent: cleaned before they are stored (lib/domain/referrer.ts). */
  website?: string | null;
  url?: string | null;
}

/**
 * The form fields an OSDI body carries, its referrer data, and the person's `preferred_language`
 * (OSDI puts it on the person; a top-level one is read too). Missing fields stay missing.
 */
export function fromOsdi(body: Json): { fields: Json; codes: LinkCodes; preferredLanguage: unknown } {
  const person = object(body.person) ?? {};
  const email = first(person.email_addresses);
  const address = first(person.postal_addresses);
  const referrer = object(body.referrer_data);
  return {
    fields: {
      firstName: person.given_name,
      lastName: person.family_name,
      email: email?.address,
      country: typeof address?.country === "string" ? address.country.toUpperCase() : address?.country,
      postalCode: address?.postal_code ?? "",
      comment: body.comments ?? "",
      isPublic: body.isPublic ?? false,
      wantsUpdates: email?.status === "subscribed",
      acceptsPrivacy: body.acceptsPrivacy,
    },
    codes: {
      source: typeof referrer?.source === "string" ? referrer.source : null,
      referredBy: typeof referrer?.referrer === "string" ? referrer.referrer : null,
      website: typeof referrer?.website === "string" ? referrer.website : null,
      url: typeof referrer?.url === "string" ? referrer.url : null,
    },
    preferredLanguage: person.preferred_language ?? body.preferred_language,
  };
}

/**
 * What an API key may do. Each key holds a set of these; an endpoint names the one it needs
 * (lib/api-keys/authenticate.ts). The database checks that a key's scopes are drawn from this
 * list (db/schema/api-keys.ts), so adding one here needs a migration.
 */
export const API_KEY_SCOPES = ["read:petitions", "read:people", "write:signatures", "webhooks"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** What each scope allows, in the words the console and the command line show. */
export const API_KEY_SCOPE_WORDS: Record<ApiKeyScope, string> = {
  "read:petitions": "Read petitions and their totals",
  "read:people": "Read people and their signatures",
  "write:signatures": "Record signatures",
  webhooks: "Manage webhooks",
};

/** Every key starts with this, so that a leaked one is recognisable (secret scanners, logs). */
export const API_KEY_PREFIX = "upk_";

/** The header a key travels in (the OSDI convention); nowhere else is read. */
export const API_KEY_HEADER = "OSDI-API-Token";

/** How many characters of a key are its public name: `upk_` and the first 8 of its secret part. */
export const API_KEY_PUBLIC_LENGTH = API_KEY_PREFIX.length + 8;

export const MAX_API_KEY_NAME_LENGTH = 100;

export const isApiKeyScope = (value: string): value is ApiKeyScope =>
  (API_KEY_SCOPES as readonly string[]).includes(value);

/** The longest address of a partner's privacy notice a key may name. */
export const MAX_CONSENT_NOTICE_LENGTH = 500;

/**
 * Why a consent attestation cannot go on a key with `scopes`, or null when it can: the notice is
 * the http(s) address of the privacy notice the partner's form shows, and only a key that records
 * signatures takes one (docs/API.md, "Recording signatures").
 */
export function consentNoticeProblem(notice: string, scopes: readonly string[]): string | null {
  if (!scopes.includes("write:signatures"))
    return "A consent attestation goes only on a key that records signatures (write:signatures)";
  if (notice.length > MAX_CONSENT_NOTICE_LENGTH)
    return `Use at most ${MAX_CONSENT_NOTICE_LENGTH} characters for the notice's address`;
  let url: URL;
  try {
    url = new URL(notice);
  } catch {
    return "Give the full address of the privacy notice, starting https://";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return "Give the full address of the privacy notice, starting https://";
  return null;
}

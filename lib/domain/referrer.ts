// Where a supporter came from, reduced to what a campaign may keep: a partner page's origin and
// path, the campaign tags of its link, never the rest of its query (a search, an email address,
// a session id) nor its fragment. Pure, so that the form, the API and the tests share it.

/** The query parameters a referring address keeps: campaign tags, not personal data. */
export const KEPT_QUERY_PARAMETERS = [
  "utm_source",
  "utm_medium",
  "utm_campaign",
  "utm_term",
  "utm_content",
  "source",
  "ref",
] as const;

export const UTM_FIELDS = ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"] as const;
export type UtmField = (typeof UTM_FIELDS)[number];
export type Utm = Partial<Record<UtmField, string>>;

/** Longest referring address kept; a longer one is cut at a parameter, never mid-value. */
export const REFERRER_URL_MAX_LENGTH = 500;
/** Longest campaign tag or code kept. */
export const TAG_MAX_LENGTH = 100;

const KEPT = new Set<string>(KEPT_QUERY_PARAMETERS);

function parseWebUrl(raw: string | null | undefined): URL | null {
  if (!raw || raw.length > 4096) return null;
  try {
    const url = new URL(raw.trim());
    return url.protocol === "https:" || url.protocol === "http:" ? url : null;
  } catch {
    return null;
  }
}

/**
 * A referring address without personal data: origin and path, only the query parameters in
 * KEPT_QUERY_PARAMETERS, no fragment, no user name or password, at most REFERRER_URL_MAX_LENGTH
 * characters. Null for anything that is not an http(s) address.
 */
export function cleanReferrerUrl(raw: string | null | undefined): string | null {
  const url = parseWebUrl(raw);
  if (!url) return null;
  const kept = new URLSearchParams();
  for (const [name, value] of url.searchParams)
    if (KEPT.has(name) && value) kept.append(name, value.slice(0, TAG_MAX_LENGTH));
  const base = `${url.origin}${url.pathname}`.slice(0, REFERRER_URL_MAX_LENGTH);
  let cleaned = base;
  for (const [name, value] of kept) {
    const next = `${cleaned}${cleaned === base ? "?" : "&"}${new URLSearchParams([[name, value]])}`;
    if (next.length > REFERRER_URL_MAX_LENGTH) break;
    cleaned = next;
  }
  return cleaned;
}

/** The origin (scheme, host and port) of a referring address: OSDI's `referrer_data.website`. */
export function referrerWebsite(raw: string | null | undefined): string | null {
  return parseWebUrl(raw)?.origin ?? null;
}

// A tag with a control character (a NUL cannot even be stored) is nobody's campaign name: it is
// dropped, so that a crafted link cannot make signing fail.
const UNSTORABLE = /\p{Cc}/u;

/** The campaign tags of a query, each trimmed and capped; absent, empty or unstorable tags are left out. */
export function utmOf(query: URLSearchParams): Utm {
  const utm: Utm = {};
  for (const field of UTM_FIELDS) {
    const value = query.get(field)?.trim();
    if (value && !UNSTORABLE.test(value)) utm[field] = value.slice(0, TAG_MAX_LENGTH).toWellFormed();
  }
  return utm;
}

const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i;

/**
 * An origin staff allow to frame the embeds, as browsers compare it: `https://host[:port]`,
 * lower-cased, default port dropped. Null for anything else (a path, a wildcard, a keyword).
 */
export function normaliseOrigin(raw: string): string | null {
  const value = raw.trim().replace(/\/$/, "");
  if (!ORIGIN.test(value)) return null;
  try {
    const url = new URL(value);
    if (!url.hostname || url.hostname.startsWith(".") || url.hostname.endsWith(".")) return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** What is stored of where a supporter came from (db/schema/columns.ts referrerColumns). */
export interface ReferrerData {
  utmSource?: string | null;
  utmMedium?: string | null;
  utmCampaign?: string | null;
  utmTerm?: string | null;
  utmContent?: string | null;
  website: string | null;
  url: string | null;
  viaEmbed: boolean;
}

/**
 * Where a supporter came from: `utm` the campaign tags of their link; `referrerUrl` the page that
 * sent them (a form's document.referrer, an embed's host page); `embedHost` the origin of the site
 * that framed the form, when it was an embed. A referrer on Upstand's own site (`siteOrigin`) is
 * someone moving between its pages, not a partner, and is not kept.
 */
export function referrerDataOf(input: {
  utm: Utm;
  referrerUrl: string | null;
  embedHost?: string | null;
  viaEmbed: boolean;
  siteOrigin: string;
}): ReferrerData {
  const host = input.embedHost ? normaliseOrigin(input.embedHost) : null;
  let website = referrerWebsite(input.referrerUrl);
  let url = cleanReferrerUrl(input.referrerUrl);
  if (website === input.siteOrigin) [website, url] = [null, null];
  if (input.viaEmbed && host && host !== input.siteOrigin) {
    // The page's address belongs with its site: one from elsewhere is not this host's page.
    if (website !== host) url = null;
    website = host;
  }
  return {
    utmSource: input.utm.utm_source ?? null,
    utmMedium: input.utm.utm_medium ?? null,
    utmCampaign: input.utm.utm_campaign ?? null,
    utmTerm: input.utm.utm_term ?? null,
    utmContent: input.utm.utm_content ?? null,
    website,
    url,
    viaEmbed: input.viaEmbed,
  };
}

import { DEFAULT_LOCALE, isLocale, type Locale } from "./locale";

// A supporter's language, stored with their signature or pledge as OSDI's `preferred_language`:
// an RFC 5646 tag ("en", "es", "es-MX"). The forms store the page's language; the API stores any
// well-formed tag a client sends (an OSDI system forwards what its own records hold, and a
// French speaker's "fr" is worth keeping for the day French is added), and every email is
// written in the nearest language Upstand speaks.

/** RFC 5646 allows 35 characters for the tags anyone is expected to use; nothing longer is stored. */
export const PREFERRED_LANGUAGE_MAX_LENGTH = 35;

/**
 * The shape the database's check allows (db/schema/signatures.ts, pledge-takers.ts): a language
 * subtag and subtags after it. A check on the shape rather than on today's languages, so that
 * adding a language needs no migration.
 */
export const LANGUAGE_TAG = /^[a-z]{2,8}(-[a-z0-9]{1,8})*$/i;

/**
 * The tag in its canonical form ("ES-mx" → "es-MX"), or null when it is not a well-formed
 * language tag. Intl checks the grammar (BCP 47, which the Unicode locale identifiers follow).
 */
export function canonicalLanguageTag(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === "" || trimmed.length > PREFERRED_LANGUAGE_MAX_LENGTH) return null;
  try {
    const [canonical] = Intl.getCanonicalLocales(trimmed);
    return canonical && LANGUAGE_TAG.test(canonical) ? canonical : null;
  } catch {
    return null;
  }
}

/**
 * An API client's `preferred_language`: English when it is left out (absent, null or ""), the
 * canonical tag when it is well formed, whether or not Upstand speaks it yet; null when it is not
 * a language tag at all, which the API refuses like any other invalid field.
 */
export function apiLanguageOf(value: unknown): string | null {
  if (value === undefined || value === null || value === "") return DEFAULT_LOCALE;
  return typeof value === "string" ? canonicalLanguageTag(value) : null;
}

/** The language Upstand writes to someone who prefers `tag`: its own language, or English. */
export function mailLocaleOf(tag: string | null | undefined): Locale {
  const primary = tag?.split("-")[0]?.toLowerCase() ?? "";
  return isLocale(primary) ? primary : DEFAULT_LOCALE;
}

/** A language sent by a public form (the page's): one of the site's, or English for anything else. */
export function formLanguageOf(value: string | null | undefined): Locale {
  return value && isLocale(value) ? value : DEFAULT_LOCALE;
}

import type { Locale } from "./locale";

/**
 * The one place a language meets its Intl locale. The campaign's readers live in the United
 * States, so Spanish is U.S. Spanish: "es-US" writes 12,345 and 3.5 as U.S. Spanish-language
 * media and forms do (plain "es" writes 12.345 and 3,5, which a U.S. reader takes for decimals),
 * with Spanish month names and a.m./p.m. ("1 de mayo de 2026 a las 4:00 p.m.").
 */
const INTL_LOCALES: Record<Locale, string> = { en: "en-US", es: "es-US", "ar-XB": "en-US" };

/** The Intl locale a language is written in ("es" → "es-US"), for Intl APIs the helpers below do not wrap. */
export function intlLocale(locale: Locale): string {
  return INTL_LOCALES[locale];
}

/** The staff console is in English; its numbers and dates are formatted as the public site's English ones. */
export const STAFF_LOCALE: Locale = "en";

/** Date formats name their zone, so that the server's render and the browser's agree. */
type DateOptions = Intl.DateTimeFormatOptions & { timeZone: string };

// Building an Intl formatter costs far more than using one, and the live count formats every frame.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cached<T>(cache: Map<string, T>, locale: Locale, options: object, make: (tag: string) => T): T {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = make(INTL_LOCALES[locale]);
    cache.set(key, format);
  }
  return format;
}

/** "12,345" in English and U.S. Spanish; options as Intl.NumberFormat takes them. */
export function formatNumber(value: number, locale: Locale, options: Intl.NumberFormatOptions = {}): string {
  return cached(numberFormats, locale, options, (tag) => new Intl.NumberFormat(tag, options)).format(value);
}

/** A date or part of one, as the options say: `{ dateStyle: "long" }` gives "May 1, 2026" / "1 de mayo de 2026". */
export function formatDate(date: Date, locale: Locale, options: DateOptions): string {
  return cached(dateFormats, locale, options, (tag) => new Intl.DateTimeFormat(tag, options)).format(date);
}

/** "May 1, 2026 at 4:00 PM" / "1 de mayo de 2026 a las 4:00 p.m.", unless the options set other styles. */
export function formatDateTime(date: Date, locale: Locale, options: DateOptions): string {
  const style = { dateStyle: "long", timeStyle: "short", ...options } as const;
  return cached(dateFormats, locale, style, (tag) => new Intl.DateTimeFormat(tag, style)).format(date);
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** Which of a message's forms a count takes: "one" for 1 in English and Spanish, "other" for most else. */
export function pluralOf(count: number, locale: Locale): Intl.LDMLPluralRule {
  return cached(pluralRules, locale, {}, (tag) => new Intl.PluralRules(tag)).select(count);
}

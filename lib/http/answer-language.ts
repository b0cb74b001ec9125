import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/domain/locale";

/**
 * The language an API answer's messages are written in: the first of the caller's
 * Accept-Language ranges, by weight (RFC 9110 §12.5.4), whose primary language Upstand speaks
 * ("es-MX" is answered in Spanish); failing that, the language the record names as its
 * supporter's (`preferred_language`); failing that, English. Never refused: an unreadable header
 * is read as no header.
 */
export function answerLanguageOf(acceptLanguage: string | null, recordLanguage?: unknown): Locale {
  const ranges = (acceptLanguage ?? "")
    .split(",")
    .slice(0, 20)
    .map((part, index) => {
      const [range = "", ...parameters] = part.trim().split(";");
      const q = parameters.map((p) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(p)?.[1]).find(Boolean);
      return {
        primary: range.trim().split("-")[0]!.toLowerCase(),
        weight: q === undefined ? 1 : Number(q),
        index,
      };
    })
    .filter((range) => range.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  const spoken = ranges.find((range) => isLocale(range.primary));
  if (spoken) return spoken.primary as Locale;
  const primary = typeof recordLanguage === "string" ? recordLanguage.split("-")[0]!.toLowerCase() : "";
  return isLocale(primary) ? primary : DEFAULT_LOCALE;
}

import { DEFAULT_LOCALE } from "./locale";

// Apart from ./translations.ts, which loads zod, so that client components can use it.

/**
 * `lang="en"` for a field a page of another language shows in English, because it has no
 * translation yet, so that screen readers and translation tools read it as English; nothing for
 * a translated field. Spread it on the element that holds the field: `<h1 {...inFallback(petition, "title")}>`.
 */
export function inFallback<F extends string>(
  row: { untranslated?: readonly F[] },
  field: F,
): { lang?: typeof DEFAULT_LOCALE } {
  return row.untranslated?.includes(field) ? { lang: DEFAULT_LOCALE } : {};
}

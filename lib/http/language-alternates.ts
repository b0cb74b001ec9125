import type { Metadata } from "next";
import { DEFAULT_LOCALE, OFFERED_LOCALES, localizedPath, type Locale } from "@/lib/domain/locale";

/**
 * A public page's canonical address in this language and its hreflang alternates in every
 * language readers are offered (`x-default`: the default language's), for search engines and for
 * shared links' previews. `pathname` is the page's address in the default language; metadataBase makes them
 * absolute.
 */
export function languageAlternates(locale: Locale, pathname: string): Metadata["alternates"] {
  return {
    canonical: localizedPath(locale, pathname),
    languages: {
      ...Object.fromEntries(OFFERED_LOCALES.map((other) => [other, localizedPath(other, pathname)])),
      "x-default": localizedPath(DEFAULT_LOCALE, pathname),
    },
  };
}

import { DEFAULT_LOCALE, isLocale, localizedPath, splitLocale, type Locale } from "@/lib/domain/locale";

/**
 * The language of the page a plain form was posted from, so that the 303 after an emailed link's
 * button (confirm, withdraw, fulfil, stop updates) lands on that page in the same language: a
 * `locale` field when the form sends one, else the page's address in the Referer, which browsers
 * send in full to the same site (Referrer-Policy strict-origin-when-cross-origin). English when
 * neither names a language. Only the address's path is used: the redirect stays on this site.
 */
export function postedFromLanguage(form: URLSearchParams | null, headers: Headers): Locale {
  const field = form?.get("locale");
  if (field && isLocale(field)) return field;
  const referer = headers.get("referer");
  if (!referer) return DEFAULT_LOCALE;
  try {
    return splitLocale(new URL(referer).pathname).locale;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/** A 303 to a public page (`/confirm/…`) in `locale`: `/es/confirm/…` for Spanish. */
export function seeOtherIn(locale: Locale, pathname: string): Response {
  return new Response(null, {
    status: 303,
    headers: { Location: localizedPath(locale, pathname), "Cache-Control": "no-store" },
  });
}

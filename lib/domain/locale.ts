/**
 * The languages public pages are served in. The pages live under app/[locale], so that they are
 * rendered on their first request and cached from then on (a build reads no database); the
 * default language is served at the site's root (defaultLanguageRewrites).
 */
export const LOCALES = ["en", "es"] as const;
export type ServedLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: ServedLocale = "en";

/**
 * A right-to-left test language, never shipped: English made to look like a right-to-left
 * language (lib/i18n/pseudo-locale.ts), named as Chrome names its own. It is served only by a
 * server started with PSEUDO_LOCALES=on (app/[locale]/layout.tsx), so that tests can check that
 * every page works right to left before Arabic or Hebrew is added; elsewhere /ar-XB/... is a 404.
 * Never offered, never in LOCALES, so never in the switcher, the alternates or the sitemap.
 */
export const PSEUDO_LOCALE = "ar-XB";
export type PseudoLocale = typeof PSEUDO_LOCALE;

/** A language a public page can be rendered in: a served one, or the test-only pseudo-locale. */
export type Locale = ServedLocale | PseudoLocale;

export function isPseudoLocale(value: string): value is PseudoLocale {
  return value === PSEUDO_LOCALE;
}

/**
 * The languages readers are offered: in the language switcher, the hreflang alternates and the
 * sitemap. A language is served (at /xx/...) as soon as it is listed above, so that translators,
 * editors and tests can see it; it is offered, and indexed, once its messages and content are
 * complete.
 */
export const OFFERED_LOCALES: readonly ServedLocale[] = ["en", "es"];

export function isOffered(locale: Locale): boolean {
  return (OFFERED_LOCALES as readonly Locale[]).includes(locale);
}

/** Each language by its own name, as a reader looking for it would recognise it. */
export const LANGUAGE_NAMES: Record<ServedLocale, string> = { en: "English", es: "Español" };

/** The writing direction of a language (none of today's is right-to-left; the layout allows it). */
export function directionOf(locale: string): "ltr" | "rtl" {
  return ["ar", "fa", "he", "ur"].includes(locale.split("-")[0]!) ? "rtl" : "ltr";
}

/**
 * The address of a public page in a language: the default language at the site's root, the others
 * under their code (`/story` in Spanish is `/es/story`). `pathname` is the page's address in the
 * default language.
 */
export function localizedPath(locale: Locale, pathname: string): string {
  if (locale === DEFAULT_LOCALE) return pathname;
  return pathname === "/" ? `/${locale}` : `/${locale}${pathname}`;
}

/**
 * A public page's address split into its language and its address in the default language:
 * `/es/story` is Spanish `/story`; `/story` (or `/en/story`, as it is served) is English `/story`.
 */
export function splitLocale(pathname: string): { locale: ServedLocale; pathname: string } {
  const [, first, ...rest] = pathname.split("/");
  if (first && isLocale(first)) {
    return { locale: first, pathname: `/${rest.join("/")}`.replace(/\/$/, "") || "/" };
  }
  return { locale: DEFAULT_LOCALE, pathname };
}

/** A language the site serves (the pseudo-locale is not one: see PSEUDO_LOCALE). */
export function isLocale(value: string): value is ServedLocale {
  return (LOCALES as readonly string[]).includes(value);
}

/**
 * The rewrites (next.config.ts) that serve the default language at the site's root: `/` is
 * answered by `/en`, `/story` by `/en/story`. Not rewritten: route handlers (/api), the staff
 * console, the development mailbox, Next.js's own files, files by name at the root (robots.txt,
 * the icons, the manifest) and paths that already name a language. Rewrites in the configuration,
 * not in proxy.ts: Next.js resolves them inside the server, where a proxy's rewrite could be
 * taken for another origin's and fetched over HTTP.
 */
export function defaultLanguageRewrites(): { source: string; destination: string }[] {
  // The pseudo-locale's path is left alone too, so that app/[locale]/layout.tsx decides, at run
  // time, whether it is served or a 404.
  const notPages = ["api", "staff", "dev", "_next", ...LOCALES, PSEUDO_LOCALE].join("|");
  return [
    { source: "/", destination: `/${DEFAULT_LOCALE}` },
    {
      source: `/:first((?!(?:${notPages})(?:/|$))[^/.]+)/:rest*`,
      destination: `/${DEFAULT_LOCALE}/:first/:rest*`,
    },
  ];
}

/**
 * `/en/story` → `/story`: the default language has one address, at the site's root (proxy.ts
 * redirects there). Null for any other path.
 */
export function withoutDefaultPrefix(pathname: string): string | null {
  if (pathname === `/${DEFAULT_LOCALE}`) return "/";
  if (pathname.startsWith(`/${DEFAULT_LOCALE}/`)) return pathname.slice(DEFAULT_LOCALE.length + 1);
  return null;
}

/** The cached paths of a public page in every language, for revalidatePath. */
export function cachedPaths(pathname: string): string[] {
  return LOCALES.map((locale) => (pathname === "/" ? `/${locale}` : `/${locale}${pathname}`));
}

/**
 * A public page's `[locale]` segment as a language (app/[locale]/layout.tsx answers any other with
 * a 404, and the pseudo-locale too unless the server serves it).
 */
export function localeOf(segment: string | undefined): Locale {
  return segment && (isLocale(segment) || isPseudoLocale(segment)) ? segment : DEFAULT_LOCALE;
}

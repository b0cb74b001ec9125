/**
 * The languages public pages are served in. The pages live under app/[locale], so that they are
 * rendered on their first request and cached from then on (a build reads no database); the
 * default language is served at the site's root (defaultLanguageRewrites).
 */
export const LOCALES = ["en", "es"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/**
 * The languages readers are offered: in the language switcher, the hreflang alternates and the
 * sitemap. A language is served (at /es/...) as soon as it is listed above, so that translators,
 * editors and tests can see it; it is offered, and indexed, once its messages and content are
 * complete. Spanish is being translated (issue 15).
 */
export const OFFERED_LOCALES: readonly Locale[] = ["en"];

export function isOffered(locale: Locale): boolean {
  return OFFERED_LOCALES.includes(locale);
}

/** Each language by its own name, as a reader looking for it would recognise it. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: "English", es: "Español" };

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
export function splitLocale(pathname: string): { locale: Locale; pathname: string } {
  const [, first, ...rest] = pathname.split("/");
  if (first && isLocale(first)) {
    return { locale: first, pathname: `/${rest.join("/")}`.replace(/\/$/, "") || "/" };
  }
  return { locale: DEFAULT_LOCALE, pathname };
}

export function isLocale(value: string): value is Locale {
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
  const notPages = ["api", "staff", "dev", "_next", ...LOCALES].join("|");
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

/** A public page's `[locale]` segment as a language (app/[locale]/layout.tsx answers any other with a 404). */
export function localeOf(segment: string | undefined): Locale {
  return segment && isLocale(segment) ? segment : DEFAULT_LOCALE;
}

/**
 * The languages public pages are served in. The pages live under app/[locale], so that they are
 * rendered on their first request and cached from then on (a build reads no database); the
 * default language is served at the site's root (defaultLanguageRewrites).
 */
export const LOCALES = ["en", "es"] as const;
export type Locale = (typeof LOCALES)[number];
const DEFAULT_LOCALE: Locale = "en";

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

/** The cached paths of a public page in every language, for revalidatePath. */
export function cachedPaths(pathname: string): string[] {
  return LOCALES.map((locale) => (pathname === "/" ? `/${locale}` : `/${locale}${pathname}`));
}

/**
 * The languages public pages are served in. The pages live under app/[locale], so that they are
 * rendered on their first request and cached from then on (a build reads no database); proxy.ts
 * serves the default language at the site's root by rewriting `/story` to `/en/story`.
 */
export const LOCALES = ["en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

// Everything at the root that is not a public page: route handlers, the staff console, the
// development mailbox, Next.js's own files, and files by name (robots.txt, icons, the manifest).
const NOT_PAGES = /^\/(?:api|staff|dev|_next)(?:\/|$)|^\/[^/]+\.[a-z0-9]+$/i;

/**
 * Where a public page's URL is served from inside the app (`/` → `/en`, `/story` → `/en/story`),
 * or null when the URL is not a public page or already names a language.
 */
export function localisedPath(pathname: string): string | null {
  if (NOT_PAGES.test(pathname)) return null;
  const first = pathname.split("/")[1] ?? "";
  if (isLocale(first)) return null;
  return pathname === "/" ? `/${DEFAULT_LOCALE}` : `/${DEFAULT_LOCALE}${pathname}`;
}

/** The cached paths of a public page in every language, for revalidatePath. */
export function cachedPaths(pathname: string): string[] {
  return LOCALES.map((locale) => (pathname === "/" ? `/${locale}` : `/${locale}${pathname}`));
}

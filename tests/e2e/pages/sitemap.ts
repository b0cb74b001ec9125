import type { APIRequestContext } from "@playwright/test";
import { LOCALES, localizedPath, splitLocale } from "@/lib/domain/locale";

/** Every path the sitemap lists, in every language; of the suite's server, or of the one at `origin`. */
export async function sitemapPaths(request: APIRequestContext, origin = ""): Promise<string[]> {
  const sitemap = await (await request.get(`${origin}/sitemap.xml`)).text();
  return [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
}

/**
 * One path of each kind of page in each language: every page, but one petition and one pledge of
 * the many the e2e fixtures add, which share one template.
 */
export function onePerKind(paths: string[]): string[] {
  const kinds = new Map<string, string>();
  for (const path of paths) {
    const action = /^(\/[a-z]{2})?\/(petition|pledge)\//.exec(path);
    const kind = action ? `${action[1] ?? ""}/${action[2]}` : path;
    if (!kinds.has(kind)) kinds.set(kind, path);
  }
  return [...kinds.values()];
}

/** Each path in every language the site serves, offered to readers or not yet. */
export function inEveryLanguage(paths: string[]): string[] {
  const pages = new Set(paths.map((path) => splitLocale(path).pathname));
  return LOCALES.flatMap((locale) => [...pages].map((page) => localizedPath(locale, page)));
}

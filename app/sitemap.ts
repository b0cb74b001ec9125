import type { MetadataRoute } from "next";
import { listPetitionSlugs } from "@/db/queries/petitions";
import { listPledgeSlugs } from "@/db/queries/pledges";
import { listStoryPages } from "@/db/queries/story";
import { OFFERED_LOCALES, localizedPath } from "@/lib/domain/locale";
import { siteUrl } from "@/lib/http/site-url";

// Read from the database when asked (a build reads none); crawlers ask rarely.
export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [story, petitions, pledges] = await Promise.all([
    listStoryPages(),
    listPetitionSlugs(),
    listPledgeSlugs(),
  ]);
  const paths = [
    "/",
    "/story",
    ...story.map((page) => `/story/${page.slug}`),
    ...petitions.map((slug) => `/petition/${slug}`),
    ...pledges.map((slug) => `/pledge/${slug}`),
    "/help",
    "/about",
    "/privacy",
  ];
  // Every page once per language readers are offered, each naming its versions in the others.
  const url = (path: string) => new URL(path, siteUrl()).toString();
  return paths.flatMap((path) => {
    const languages = Object.fromEntries(
      OFFERED_LOCALES.map((locale) => [locale, url(localizedPath(locale, path))]),
    );
    return OFFERED_LOCALES.map((locale) => ({
      url: url(localizedPath(locale, path)),
      alternates: { languages },
    }));
  });
}

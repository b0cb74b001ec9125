import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { localeOf, localizedPath } from "@/lib/domain/locale";
import { languageAlternates } from "@/lib/http/language-alternates";
import { notFound } from "next/navigation";
import { StoryContents } from "@/components/campaign/story-contents";
import { ContentNote } from "@/components/layout/content-note";
import { listStoryPages } from "@/db/queries/story";

export const revalidate = 60;

export async function generateMetadata({ params }: PageProps<"/[locale]/story">): Promise<Metadata> {
  const locale = localeOf((await params).locale);
  const t = await getTranslations({ locale, namespace: "storyIndex" });
  return {
    title: t("title"),
    description: t("description"),
    alternates: languageAlternates(locale, "/story"),
  };
}

export default async function StoryIndexPage({ params }: PageProps<"/[locale]/story">) {
  const locale = localeOf((await params).locale);
  const [pages, t] = await Promise.all([
    listStoryPages(locale),
    getTranslations({ locale, namespace: "storyIndex" }),
  ]);
  const first = pages[0];
  if (!first) notFound();
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <h1 className="font-serif text-4xl font-bold tracking-tight">{t("title")}</h1>
        <p className="max-w-prose text-lg">{t("intro", { count: pages.length })}</p>
      </header>
      <ContentNote locale={locale} />
      <Link href={localizedPath(locale, `/story/${first.slug}`)} className="button-primary">
        {t("begin", { title: first.title })}
      </Link>
      <StoryContents pages={pages} locale={locale} />
    </div>
  );
}

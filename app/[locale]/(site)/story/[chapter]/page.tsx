import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { localeOf } from "@/lib/domain/locale";
import { languageAlternates } from "@/lib/http/language-alternates";
import { ImpactFigureGrid } from "@/components/campaign/impact-figure-grid";
import { ContentNote } from "@/components/layout/content-note";
import { getSiteNavigation } from "@/db/queries/site";
import { getStoryPage } from "@/db/queries/story";
import { StoryBody } from "./_components/story-body";
import { StoryPager } from "./_components/story-pager";
import { inFallback } from "@/lib/domain/fallback-language";

// Shows impact figures, which staff edit: see expireTime in next.config.ts.
export const revalidate = 5;

type Props = PageProps<"/[locale]/story/[chapter]">;

// None at build time: each is rendered on its first request, then kept (app/[locale]/layout.tsx).
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { chapter, locale } = await params;
  const page = await getStoryPage(chapter, localeOf(locale));
  const alternates = languageAlternates(localeOf(locale), `/story/${chapter}`);
  return page
    ? { title: page.title, description: page.summary, openGraph: { type: "article" }, alternates }
    : {};
}

export default async function StoryChapterPage({ params }: Props) {
  const { chapter, locale: segment } = await params;
  const locale = localeOf(segment);
  const [page, navigation, t] = await Promise.all([
    getStoryPage(chapter, locale),
    getSiteNavigation(),
    getTranslations({ locale, namespace: "storyChapter" }),
  ]);
  if (!page) notFound();
  return (
    <article className="space-y-8">
      <ContentNote locale={locale} />
      <header className="space-y-2">
        <p className="text-sm font-semibold uppercase tracking-wider text-accent">
          {t("partOf", { position: page.position, total: page.total })}
        </p>
        <h1
          className="font-serif text-4xl font-bold leading-tight tracking-tight"
          {...inFallback(page, "title")}
        >
          {page.title}
        </h1>
        <p className="max-w-prose text-lg text-muted" {...inFallback(page, "summary")}>
          {page.summary}
        </p>
      </header>
      <StoryBody body={page.body} {...inFallback(page, "body")} />
      {page.figures.length > 0 ? (
        <section aria-labelledby="figures-heading" className="space-y-3">
          <h2 id="figures-heading" className="font-serif text-2xl font-semibold">
            {t("figuresHeading")}
          </h2>
          <ImpactFigureGrid figures={page.figures} cause={page.cause} locale={locale} />
        </section>
      ) : null}
      <StoryPager
        previous={page.previous}
        next={page.next}
        petitionSlug={navigation.petitionSlug}
        locale={locale}
      />
    </article>
  );
}

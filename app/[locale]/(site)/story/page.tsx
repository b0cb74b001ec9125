import type { Metadata } from "next";
import { localeOf } from "@/lib/domain/locale";
import { languageAlternates } from "@/lib/http/language-alternates";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StoryContents } from "@/components/campaign/story-contents";
import { ContentNote } from "@/components/layout/content-note";
import { listStoryPages } from "@/db/queries/story";

export const revalidate = 60;

export async function generateMetadata({ params }: PageProps<"/[locale]/story">): Promise<Metadata> {
  return {
    ...{
      title: "The story",
      description:
        "Who Thorn is, the technology it builds, what was asked of Congress, and what its figures count.",
    },
    alternates: languageAlternates(localeOf((await params).locale), "/story"),
  };
}

export default async function StoryIndexPage({ params }: PageProps<"/[locale]/story">) {
  const locale = localeOf((await params).locale);
  const pages = await listStoryPages(locale);
  const first = pages[0];
  if (!first) notFound();
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <h1 className="font-serif text-4xl font-bold tracking-tight">The story</h1>
        <p className="max-w-prose text-lg">
          {pages.length} short parts, a few minutes to read. Read them in order, or go straight to the one you
          need.
        </p>
      </header>
      <ContentNote locale={locale} />
      <Link href={`/story/${first.slug}`} className="button-primary">
        Begin with part 1: {first.title}
      </Link>
      <StoryContents pages={pages} />
    </div>
  );
}

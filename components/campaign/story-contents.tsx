import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { StoryPageLink } from "@/db/queries/story";
import { inFallback } from "@/lib/domain/fallback-language";
import { localizedPath, type Locale } from "@/lib/domain/locale";

export interface StoryContentsProps {
  pages: StoryPageLink[];
  locale: Locale;
}

export async function StoryContents({ pages, locale }: StoryContentsProps) {
  const t = await getTranslations({ locale, namespace: "storyContents" });
  return (
    <ol className="grid gap-3 sm:grid-cols-2">
      {pages.map((page) => (
        <li key={page.slug}>
          <Link
            href={localizedPath(locale, `/story/${page.slug}`)}
            className="block h-full rounded-xl border border-line p-4 no-underline hover:border-accent"
          >
            <span className="text-sm text-muted">{t("part", { position: page.position })}</span>
            <span className="block font-semibold underline" {...inFallback(page, "title")}>
              {page.title}
            </span>
            <span className="block text-sm" {...inFallback(page, "summary")}>
              {page.summary}
            </span>
          </Link>
        </li>
      ))}
    </ol>
  );
}

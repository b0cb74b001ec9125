import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { localizedPath, type Locale } from "@/lib/domain/locale";
import type { StoryPageLink } from "@/db/queries/story";

export interface StoryPagerProps {
  previous: StoryPageLink | null;
  next: StoryPageLink | null;
  petitionSlug: string | null;
  locale: Locale;
}

/** Previous and next parts; after the last part, the way to the petition. */
export async function StoryPager({ previous, next, petitionSlug, locale }: StoryPagerProps) {
  const t = await getTranslations({ locale, namespace: "storyPager" });
  return (
    <nav aria-label={t("label")} className="grid gap-3 border-t border-line pt-6 sm:grid-cols-2">
      {previous ? (
        <Link
          href={localizedPath(locale, `/story/${previous.slug}`)}
          rel="prev"
          className="rounded-xl border border-line p-4 no-underline hover:border-accent"
        >
          <span className="block text-sm text-muted">{t("previous", { position: previous.position })}</span>
          <span className="font-semibold underline">{previous.title}</span>
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link
          href={localizedPath(locale, `/story/${next.slug}`)}
          rel="next"
          className="rounded-xl border border-line p-4 text-end no-underline hover:border-accent"
        >
          <span className="block text-sm text-muted">{t("next", { position: next.position })}</span>
          <span className="font-semibold underline">{next.title}</span>
        </Link>
      ) : petitionSlug ? (
        <Link
          href={localizedPath(locale, `/petition/${petitionSlug}`)}
          className="rounded-xl bg-accent p-4 text-end text-paper no-underline"
        >
          <span className="block text-sm">{t("finished")}</span>
          <span className="font-semibold underline">{t("toPetition")}</span>
        </Link>
      ) : null}
    </nav>
  );
}

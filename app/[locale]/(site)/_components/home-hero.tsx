import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getProgressWords } from "@/components/campaign/action-words";
import { CampaignProgress } from "@/components/campaign/campaign-progress";
import { CampaignMark } from "@/components/layout/campaign-mark";
import { localizedPath, type Locale } from "@/lib/domain/locale";
import { inFallback } from "@/lib/domain/fallback-language";
import type { TranslatableField } from "@/lib/domain/translations";

export interface HomeHeroProps {
  name: string;
  headline: string;
  summary: string;
  petition: {
    slug: string;
    target: string;
    ask: string;
    fixedGoal: number | null;
    untranslated: readonly TranslatableField<"petition">[];
  } | null;
  /** The petition's totals as the page read them; the count beside the Sign button moves live. */
  petitionTotals: { verified: number; signedToday: number } | null;
  pledgeSlug: string | null;
  locale: Locale;
}

/** The campaign's first screen: what it asks, and, beside it, the count and the ways to act. */
export async function HomeHero({
  name,
  headline,
  summary,
  petition,
  petitionTotals,
  pledgeSlug,
  locale,
}: HomeHeroProps) {
  const [t, progressWords] = await Promise.all([
    getTranslations({ locale, namespace: "homeHero" }),
    getProgressWords(locale, "petition"),
  ]);
  return (
    // On a phone the count and the Sign button come straight after the headline, within the first
    // screen; on a wide screen they stand beside the headline and the summary.
    <header className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem] lg:grid-rows-[auto_1fr] lg:gap-x-12">
      <div className="space-y-5 lg:col-start-1 lg:row-start-1">
        <p className="eyebrow flex items-center gap-2">
          <CampaignMark className="size-5" />
          {name}
        </p>
        <h1 className="max-w-3xl font-serif text-4xl font-bold leading-tight tracking-tight sm:text-5xl">
          {headline}
        </h1>
      </div>
      <div className="space-y-5 self-start rounded-2xl border border-line bg-panel p-5 shadow-sm sm:p-6 lg:col-start-2 lg:row-span-2 lg:row-start-1">
        {petition && petitionTotals ? (
          <CampaignProgress
            source={{ kind: "petition", slug: petition.slug }}
            initial={{ verified: petitionTotals.verified, today: petitionTotals.signedToday }}
            fixedGoal={petition.fixedGoal}
            locale={locale}
            words={progressWords}
          />
        ) : null}
        <div className="flex flex-col gap-3">
          {petition ? (
            <Link
              href={localizedPath(locale, `/petition/${petition.slug}`)}
              className="button-primary justify-center"
            >
              {t("sign")}
            </Link>
          ) : null}
          {pledgeSlug ? (
            <Link
              href={localizedPath(locale, `/pledge/${pledgeSlug}`)}
              className="button-secondary justify-center"
            >
              {t("pledge")}
            </Link>
          ) : null}
          <Link href={localizedPath(locale, "/story")} className="self-center py-2 font-semibold text-accent">
            {t("readStory")}
          </Link>
        </div>
      </div>
      <div className="space-y-5 lg:col-start-1 lg:row-start-2">
        <p className="max-w-prose text-lg">{summary}</p>
        {petition ? (
          <div className="ask-box">
            <p className="text-sm font-semibold">{t("petitionTo", { target: petition.target })}</p>
            <p className="mt-1" {...inFallback(petition, "ask")}>
              {petition.ask}
            </p>
          </div>
        ) : null}
      </div>
    </header>
  );
}

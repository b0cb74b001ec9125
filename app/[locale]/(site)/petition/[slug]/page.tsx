import type { Metadata } from "next";
import { localeOf } from "@/lib/domain/locale";
import { languageAlternates } from "@/lib/http/language-alternates";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getProgressWords } from "@/components/campaign/action-words";
import { ActionLayout } from "@/components/campaign/action-layout";
import { CampaignProgress } from "@/components/campaign/campaign-progress";
import { SignForm } from "@/components/campaign/sign-form";
import { getSignFormWords } from "@/components/campaign/sign-form-words";
import { Paragraphs } from "@/components/layout/paragraphs";
import { getSupportBreakdown, getSupportHistory } from "@/db/queries/open-counts";
import { listPetitionUpdates } from "@/db/queries/petition-updates";
import { getPetition, getPetitionTotals } from "@/db/queries/petitions";
import { getSiteNavigation } from "@/db/queries/site";
import { formatClosingTime } from "@/lib/domain/closing-time";
import { countryOptions } from "@/lib/domain/countries";
import { siteUrl } from "@/lib/http/site-url";
import { validationMessages } from "@/lib/i18n/validation-messages";
import { getRecentSignersWords } from "./_components/petition-words";
import { IntegrityLink } from "./_components/integrity-link";
import { MomentumChart } from "./_components/momentum-chart";
import { RecentSigners } from "./_components/recent-signers";
import { UpdateTimeline } from "./_components/update-timeline";
import { WhereSupportersAre } from "./_components/where-supporters-are";
import { inFallback } from "@/lib/domain/fallback-language";

// Staff edits reach every instance within seconds: see expireTime in next.config.ts.
export const revalidate = 5;

type Props = PageProps<"/[locale]/petition/[slug]">;

// None at build time: each is rendered on its first request, then kept (app/[locale]/layout.tsx).
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, locale } = await params;
  const petition = await getPetition(slug, localeOf(locale));
  const alternates = languageAlternates(localeOf(locale), `/petition/${slug}`);
  return petition ? { title: petition.title, description: petition.ask, alternates } : {};
}

export default async function PetitionPage({ params }: Props) {
  const { slug, locale: segment } = await params;
  const locale = localeOf(segment);
  const petition = await getPetition(slug, locale);
  if (!petition) notFound();
  const [totals, breakdown, history, navigation, t, progressWords, signFormWords, signersWords, updates] =
    await Promise.all([
      getPetitionTotals(petition.slug),
      getSupportBreakdown("petition", petition.slug),
      getSupportHistory("petition", petition.slug, "day"),
      getSiteNavigation(),
      getTranslations({ locale, namespace: "petitionPage" }),
      getProgressWords(locale, "petition"),
      getSignFormWords(locale, petition.title),
      getRecentSignersWords(locale),
      listPetitionUpdates(petition.slug, locale),
    ]);
  if (!totals) notFound();
  // One list for the form and the signers' places: the page sends it once.
  const countries = countryOptions(locale);
  const source = { kind: "petition", slug: petition.slug } as const;
  return (
    <ActionLayout
      jumpLabel={petition.isOpen ? t("jump") : null}
      lead={
        <>
          <header className="space-y-3">
            <p className="eyebrow">{t("eyebrow", { target: petition.target })}</p>
            <h1
              className="font-serif text-3xl font-bold leading-tight tracking-tight sm:text-4xl"
              {...inFallback(petition, "title")}
            >
              {petition.title}
            </h1>
            {!petition.isOpen ? <p className="font-semibold">{t("closed")}</p> : null}
            {petition.isOpen && petition.closesAt ? (
              <p>{t("closesOn", { date: formatClosingTime(petition.closesAt, locale) })}</p>
            ) : null}
          </header>
          <section aria-labelledby="ask-heading" className="ask-box">
            <h2 id="ask-heading" className="text-sm font-semibold uppercase tracking-wider">
              {t("askHeading", { target: petition.target })}
            </h2>
            <p className="mt-2 text-lg" {...inFallback(petition, "ask")}>
              {petition.ask}
            </p>
          </section>
        </>
      }
      count={
        <CampaignProgress
          source={source}
          initial={{ verified: totals.verified, today: totals.signedToday }}
          fixedGoal={petition.fixedGoal}
          locale={locale}
          words={progressWords}
        />
      }
      action={
        petition.isOpen ? (
          <SignForm
            slug={petition.slug}
            title={petition.title}
            pledgeSlug={navigation.pledgeSlug}
            siteOrigin={siteUrl().origin}
            countries={countries}
            locale={locale}
            messages={validationMessages(locale)}
            words={signFormWords}
          />
        ) : null
      }
      more={
        <>
          <section aria-labelledby="why-heading">
            <h2 id="why-heading" className="font-serif text-2xl font-semibold">
              {t("whyHeading")}
            </h2>
            <Paragraphs
              text={petition.background}
              className="text-lg"
              {...inFallback(petition, "background")}
            />
          </section>
          <UpdateTimeline updates={updates} locale={locale} />
          {history ? <MomentumChart history={history} locale={locale} /> : null}
          {breakdown ? (
            <WhereSupportersAre breakdown={breakdown} countries={countries} locale={locale} />
          ) : null}
          <RecentSigners
            source={source}
            initial={totals.recentSigners}
            countries={countries}
            words={signersWords}
          />
          <IntegrityLink slug={petition.slug} locale={locale} />
        </>
      }
    />
  );
}

import type { Metadata } from "next";
import { localeOf } from "@/lib/domain/locale";
import { languageAlternates } from "@/lib/http/language-alternates";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getProgressWords } from "@/components/campaign/action-words";
import { ActionLayout } from "@/components/campaign/action-layout";
import { CampaignProgress } from "@/components/campaign/campaign-progress";
import { PledgeFlow } from "@/components/campaign/pledge-flow";
import { getPledgeFlowWords } from "@/components/campaign/pledge-flow-words";
import { Paragraphs } from "@/components/layout/paragraphs";
import { getPledge, getPledgeTotals } from "@/db/queries/pledges";
import { formatClosingTime } from "@/lib/domain/closing-time";
import { countryOptions } from "@/lib/domain/countries";
import { siteUrl } from "@/lib/http/site-url";
import { validationMessages } from "@/lib/i18n/validation-messages";
import { CommitmentList } from "./_components/commitment-list";
import { getCommitmentWords } from "./_components/pledge-words";
import { inFallback } from "@/lib/domain/fallback-language";

// Staff edits reach every instance within seconds: see expireTime in next.config.ts.
export const revalidate = 5;

type Props = PageProps<"/[locale]/pledge/[slug]">;

// None at build time: each is rendered on its first request, then kept (app/[locale]/layout.tsx).
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, locale } = await params;
  const pledge = await getPledge(slug, localeOf(locale));
  const alternates = languageAlternates(localeOf(locale), `/pledge/${slug}`);
  return pledge ? { title: pledge.title, description: pledge.statement, alternates } : {};
}

export default async function PledgePage({ params }: Props) {
  const { slug, locale: segment } = await params;
  const locale = localeOf(segment);
  const [pledge, totals, t, progressWords, commitmentWords] = await Promise.all([
    getPledge(slug, locale),
    getPledgeTotals(slug),
    getTranslations({ locale, namespace: "pledgePage" }),
    getProgressWords(locale, "pledge"),
    getCommitmentWords(locale),
  ]);
  if (!pledge || !totals) notFound();
  const flowWords = await getPledgeFlowWords(locale, pledge.title);
  const source = { kind: "pledge", slug } as const;
  return (
    <ActionLayout
      jumpLabel={pledge.isOpen ? t("take") : null}
      lead={
        <header className="space-y-4">
          <p className="eyebrow">{t("eyebrow")}</p>
          <h1
            className="font-serif text-3xl font-bold leading-tight tracking-tight sm:text-4xl"
            {...inFallback(pledge, "title")}
          >
            {pledge.title}
          </h1>
          <p className="ask-box font-serif text-xl italic" {...inFallback(pledge, "statement")}>
            &ldquo;{pledge.statement}&rdquo;
          </p>
          <Paragraphs text={pledge.background} {...inFallback(pledge, "background")} />
          {pledge.isOpen && pledge.closesAt ? (
            <p>{t("closesOn", { date: formatClosingTime(pledge.closesAt, locale) })}</p>
          ) : null}
        </header>
      }
      count={
        <CampaignProgress
          source={source}
          initial={{ verified: totals.verified, today: totals.takenToday }}
          fixedGoal={pledge.fixedGoal}
          locale={locale}
          words={progressWords}
        />
      }
      action={
        <>
          {pledge.isOpen ? (
            <section aria-labelledby="take-heading" className="space-y-4">
              <h2 id="take-heading" className="font-serif text-2xl font-semibold">
                {t("take")}
              </h2>
              <PledgeFlow
                slug={slug}
                title={pledge.title}
                commitments={pledge.commitments}
                siteOrigin={siteUrl().origin}
                countries={countryOptions(locale)}
                locale={locale}
                messages={validationMessages(locale)}
                words={flowWords}
              />
            </section>
          ) : (
            <p className="font-semibold">{t("closed")}</p>
          )}
        </>
      }
      more={
        <CommitmentList
          slug={slug}
          commitments={pledge.commitments}
          totals={totals.commitments}
          locale={locale}
          words={commitmentWords}
        />
      }
    />
  );
}

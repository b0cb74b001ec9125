import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getProgressWords } from "@/components/campaign/action-words";
import { CampaignProgress } from "@/components/campaign/campaign-progress";
import { SignForm } from "@/components/campaign/sign-form";
import { getSignFormWords } from "@/components/campaign/sign-form-words";
import { getPetition, getPetitionTotals } from "@/db/queries/petitions";
import { getSiteNavigation } from "@/db/queries/site";
import { countryOptions } from "@/lib/domain/countries";
import { localeOf } from "@/lib/domain/locale";
import { embedFrameAncestors } from "@/lib/http/embed-frame-ancestors";
import { siteUrl } from "@/lib/http/site-url";
import { validationMessages } from "@/lib/i18n/validation-messages";
import { embedContextOf } from "../../_components/embed-context";
import { EmbedShell } from "../../_components/embed-shell";

type Props = PageProps<"/[locale]/embed/petition/[slug]">;

// Never indexed: the petition's own page is the one to find.
export const metadata: Metadata = { robots: { index: false } };

/** The petition's form and live count, for partners' pages (framable only by the sites staff allow). */
export default async function PetitionEmbed({ params, searchParams }: Props) {
  const [{ slug, locale: segment }, query] = await Promise.all([params, searchParams]);
  const locale = localeOf(segment);
  const [petition, totals, allowed, navigation] = await Promise.all([
    getPetition(slug, locale),
    getPetitionTotals(slug),
    embedFrameAncestors("petition", slug),
    getSiteNavigation(),
  ]);
  if (!petition || !totals) notFound();
  const [progressWords, signFormWords] = await Promise.all([
    getProgressWords(locale, "petition"),
    getSignFormWords(locale, petition.title),
  ]);
  const { host, hiddenFields } = embedContextOf(query);
  return (
    <EmbedShell locale={locale} fullPath={`/petition/${slug}`} allowedOrigins={allowed} namedHost={host}>
      <h1 className="font-serif text-2xl font-bold leading-tight">{petition.title}</h1>
      <p>{petition.ask}</p>
      <CampaignProgress
        source={{ kind: "petition", slug: petition.slug }}
        initial={{ verified: totals.verified, today: totals.signedToday }}
        fixedGoal={petition.fixedGoal}
        locale={locale}
        words={progressWords}
      />
      {petition.isOpen ? (
        <SignForm
          slug={petition.slug}
          title={petition.title}
          pledgeSlug={navigation.pledgeSlug}
          siteOrigin={siteUrl().origin}
          countries={countryOptions(locale)}
          locale={locale}
          messages={validationMessages(locale)}
          hiddenFields={hiddenFields}
          words={signFormWords}
        />
      ) : null}
    </EmbedShell>
  );
}

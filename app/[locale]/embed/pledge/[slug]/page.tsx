import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getProgressWords } from "@/components/campaign/action-words";
import { CampaignProgress } from "@/components/campaign/campaign-progress";
import { PledgeFlow } from "@/components/campaign/pledge-flow";
import { getPledgeFlowWords } from "@/components/campaign/pledge-flow-words";
import { getPledge, getPledgeTotals } from "@/db/queries/pledges";
import { countryOptions } from "@/lib/domain/countries";
import { localeOf } from "@/lib/domain/locale";
import { embedFrameAncestors } from "@/lib/http/embed-frame-ancestors";
import { siteUrl } from "@/lib/http/site-url";
import { validationMessages } from "@/lib/i18n/validation-messages";
import { embedContextOf } from "../../_components/embed-context";
import { EmbedShell } from "../../_components/embed-shell";

type Props = PageProps<"/[locale]/embed/pledge/[slug]">;

export const metadata: Metadata = { robots: { index: false } };

/** The pledge's form and live count, for partners' pages (framable only by the sites staff allow). */
export default async function PledgeEmbed({ params, searchParams }: Props) {
  const [{ slug, locale: segment }, query] = await Promise.all([params, searchParams]);
  const locale = localeOf(segment);
  const [pledge, totals, allowed, progressWords] = await Promise.all([
    getPledge(slug, locale),
    getPledgeTotals(slug),
    embedFrameAncestors("pledge", slug),
    getProgressWords(locale, "pledge"),
  ]);
  if (!pledge || !totals) notFound();
  const flowWords = await getPledgeFlowWords(locale, pledge.title);
  const { host, hiddenFields } = embedContextOf(query);
  return (
    <EmbedShell locale={locale} fullPath={`/pledge/${slug}`} allowedOrigins={allowed} namedHost={host}>
      <h1 className="font-serif text-2xl font-bold leading-tight">{pledge.title}</h1>
      <p className="font-serif italic">&ldquo;{pledge.statement}&rdquo;</p>
      <CampaignProgress
        source={{ kind: "pledge", slug }}
        initial={{ verified: totals.verified, today: totals.takenToday }}
        fixedGoal={pledge.fixedGoal}
        locale={locale}
        words={progressWords}
      />
      {pledge.isOpen ? (
        <PledgeFlow
          slug={slug}
          title={pledge.title}
          commitments={pledge.commitments}
          siteOrigin={siteUrl().origin}
          countries={countryOptions(locale)}
          locale={locale}
          messages={validationMessages(locale)}
          hiddenFields={hiddenFields}
          words={flowWords}
        />
      ) : null}
    </EmbedShell>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getProgressWords } from "@/components/campaign/action-words";
import { CampaignProgress } from "@/components/campaign/campaign-progress";
import { getPetition, getPetitionTotals } from "@/db/queries/petitions";
import { getPledge, getPledgeTotals } from "@/db/queries/pledges";
import { localeOf } from "@/lib/domain/locale";
import { embedFrameAncestors } from "@/lib/http/embed-frame-ancestors";
import { embedContextOf } from "../../../_components/embed-context";
import { EmbedShell } from "../../../_components/embed-shell";

type Props = PageProps<"/[locale]/embed/counter/[kind]/[slug]">;

export const metadata: Metadata = { robots: { index: false } };

async function counted(kind: string, slug: string, locale: ReturnType<typeof localeOf>) {
  if (kind === "petition") {
    const [petition, totals] = await Promise.all([getPetition(slug, locale), getPetitionTotals(slug)]);
    return petition && totals
      ? {
          kind: "petition" as const,
          title: petition.title,
          fixedGoal: petition.fixedGoal,
          verified: totals.verified,
          today: totals.signedToday,
        }
      : null;
  }
  if (kind === "pledge") {
    const [pledge, totals] = await Promise.all([getPledge(slug, locale), getPledgeTotals(slug)]);
    return pledge && totals
      ? {
          kind: "pledge" as const,
          title: pledge.title,
          fixedGoal: pledge.fixedGoal,
          verified: totals.verified,
          today: totals.takenToday,
        }
      : null;
  }
  return null;
}

/** A petition's or pledge's live count alone, for partners' pages. */
export default async function CounterEmbed({ params, searchParams }: Props) {
  const [{ kind, slug, locale: segment }, query] = await Promise.all([params, searchParams]);
  const locale = localeOf(segment);
  const found = await counted(kind, slug, locale);
  if (!found) notFound();
  const [allowed, words] = await Promise.all([
    embedFrameAncestors(found.kind, slug),
    getProgressWords(locale, found.kind),
  ]);
  return (
    <EmbedShell
      locale={locale}
      fullPath={`/${found.kind}/${slug}`}
      allowedOrigins={allowed}
      namedHost={embedContextOf(query).host}
    >
      <h1 className="font-serif text-xl font-bold leading-tight">{found.title}</h1>
      <CampaignProgress
        source={{ kind: found.kind, slug }}
        initial={{ verified: found.verified, today: found.today }}
        fixedGoal={found.fixedGoal}
        locale={locale}
        words={words}
      />
    </EmbedShell>
  );
}

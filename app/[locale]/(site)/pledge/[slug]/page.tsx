import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LiveTotal } from "@/components/campaign/live-total";
import { Paragraphs } from "@/components/layout/paragraphs";
import { getPledge, getPledgeTotals } from "@/db/queries/pledges";
import { formatClosingTime } from "@/lib/domain/closing-time";
import { countryOptions } from "@/lib/domain/countries";
import { siteUrl } from "@/lib/http/site-url";
import { CommitmentList } from "./_components/commitment-list";
import { PledgeFlow } from "./_components/pledge-flow";

// Staff edits reach every instance within seconds: see expireTime in next.config.ts.
export const revalidate = 5;

type Props = { params: Promise<{ slug: string }> };

// None at build time: each is rendered on its first request, then kept (app/[locale]/layout.tsx).
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const pledge = await getPledge((await params).slug);
  return pledge ? { title: pledge.title, description: pledge.statement } : {};
}

export default async function PledgePage({ params }: Props) {
  const { slug } = await params;
  const [pledge, totals] = await Promise.all([getPledge(slug), getPledgeTotals(slug)]);
  if (!pledge || !totals) notFound();
  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <p className="text-sm font-semibold uppercase tracking-wider text-accent">Pledge</p>
        <h1 className="font-serif text-4xl font-bold leading-tight tracking-tight">{pledge.title}</h1>
        <p className="max-w-prose font-serif text-xl italic">&ldquo;{pledge.statement}&rdquo;</p>
        <Paragraphs text={pledge.background} />
        {pledge.isOpen && pledge.closesAt ? (
          <p>Promises close on {formatClosingTime(pledge.closesAt)}.</p>
        ) : null}
      </header>
      <LiveTotal
        source={{ kind: "pledge", slug }}
        field="verified"
        initial={totals.verified}
        label="people have taken this pledge"
      />
      <CommitmentList slug={slug} commitments={pledge.commitments} totals={totals.commitments} />
      {pledge.isOpen ? (
        <section
          aria-labelledby="take-heading"
          className="max-w-2xl space-y-4 rounded-xl border-2 border-accent p-5"
        >
          <h2 id="take-heading" className="font-serif text-2xl font-semibold">
            Take the pledge
          </h2>
          <PledgeFlow
            slug={slug}
            title={pledge.title}
            commitments={pledge.commitments}
            siteOrigin={siteUrl().origin}
            countries={countryOptions()}
          />
        </section>
      ) : (
        <p className="font-semibold">This pledge is closed to new promises.</p>
      )}
    </article>
  );
}

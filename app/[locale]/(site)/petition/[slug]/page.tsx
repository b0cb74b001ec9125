import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { GoalProgress } from "@/components/campaign/goal-progress";
import { LiveTotal } from "@/components/campaign/live-total";
import { Paragraphs } from "@/components/layout/paragraphs";
import { getTotals } from "@/db/queries/counts";
import { getPetition } from "@/db/queries/petitions";
import { listRecentPublicSigners } from "@/db/queries/signatures";
import { getSiteNavigation } from "@/db/queries/site";
import { formatClosingTime } from "@/lib/domain/closing-time";
import { countryOptions } from "@/lib/domain/countries";
import { siteUrl } from "@/lib/http/site-url";
import { RecentSigners } from "./_components/recent-signers";
import { SignForm } from "./_components/sign-form";

// Staff edits reach every instance within seconds: see expireTime in next.config.ts.
export const revalidate = 5;

type Props = { params: Promise<{ slug: string }> };

// None at build time: each is rendered on its first request, then kept (app/[locale]/layout.tsx).
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const petition = await getPetition((await params).slug);
  return petition ? { title: petition.title, description: petition.ask } : {};
}

export default async function PetitionPage({ params }: Props) {
  const petition = await getPetition((await params).slug);
  if (!petition) notFound();
  const [totals, signers, navigation] = await Promise.all([
    getTotals("petition", petition.id),
    listRecentPublicSigners(petition.id),
    getSiteNavigation(),
  ]);
  const source = { kind: "petition", slug: petition.slug } as const;
  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <p className="text-sm font-semibold uppercase tracking-wider text-accent">
          Petition to {petition.target}
        </p>
        <h1 className="font-serif text-4xl font-bold leading-tight tracking-tight">{petition.title}</h1>
        {!petition.isOpen ? (
          <p className="font-semibold">This petition is closed to new signatures.</p>
        ) : null}
        {petition.isOpen && petition.closesAt ? (
          <p>Signatures close on {formatClosingTime(petition.closesAt)}.</p>
        ) : null}
      </header>
      <section
        aria-labelledby="ask-heading"
        className="max-w-prose rounded-xl border border-line bg-accent/5 p-5"
      >
        <h2 id="ask-heading" className="text-sm font-semibold uppercase tracking-wider">
          We ask {petition.target} to
        </h2>
        <p className="mt-2 text-lg">{petition.ask}</p>
      </section>
      <section aria-label="Progress" className="space-y-4">
        <GoalProgress
          source={source}
          initialVerified={totals.verified}
          fixedGoal={petition.fixedGoal}
          noun="signatures"
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <LiveTotal source={source} field="verified" initial={totals.verified} label="verified signatures" />
          <LiveTotal
            source={source}
            field="pending"
            initial={totals.pending}
            label="signatures waiting for email confirmation"
            size="small"
          />
        </div>
      </section>
      {petition.isOpen ? (
        <div className="max-w-2xl rounded-xl border-2 border-accent p-5">
          <SignForm
            slug={petition.slug}
            title={petition.title}
            pledgeSlug={navigation.pledgeSlug}
            siteOrigin={siteUrl().origin}
            countries={countryOptions()}
          />
        </div>
      ) : null}
      <RecentSigners source={source} initial={signers} />
      <section aria-labelledby="why-heading">
        <h2 id="why-heading" className="font-serif text-2xl font-semibold">
          Why it matters
        </h2>
        <Paragraphs text={petition.background} className="text-lg" />
      </section>
    </article>
  );
}

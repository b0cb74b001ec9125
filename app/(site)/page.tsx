import { connection } from "next/server";
import { ImpactFigure } from "@/components/campaign/impact-figure";
import { LiveTotal } from "@/components/campaign/live-total";
import { getFeaturedCampaign } from "@/db/queries/campaigns";
import { getTotals } from "@/db/queries/counts";

export default async function HomePage() {
  await connection();
  const campaign = await getFeaturedCampaign();
  if (!campaign) {
    return <p>There is no campaign here yet. Staff can add one from the console.</p>;
  }
  const [petitionTotals, pledgeTotals] = await Promise.all([
    campaign.petition ? getTotals("petition", campaign.petition.id) : null,
    campaign.pledge ? getTotals("pledge", campaign.pledge.id) : null,
  ]);

  return (
    <article className="space-y-10">
      <header className="space-y-3">
        <p className="text-sm font-medium text-muted">{campaign.name}</p>
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{campaign.headline}</h1>
        <p className="max-w-prose text-lg">{campaign.summary}</p>
      </header>

      <section aria-labelledby="live-heading" className="space-y-3">
        <h2 id="live-heading" className="text-xl font-semibold">
          Where the campaign stands
        </h2>
        <div className="grid gap-4 sm:grid-cols-2">
          {campaign.petition && petitionTotals ? (
            <LiveTotal value={petitionTotals.verified} label={`verified signatures on "${campaign.petition.title}"`} />
          ) : null}
          {campaign.pledge && pledgeTotals ? (
            <LiveTotal value={pledgeTotals.verified} label={`people who have taken the pledge "${campaign.pledge.title}"`} />
          ) : null}
        </div>
      </section>

      <section aria-labelledby="impact-heading" className="space-y-3">
        <h2 id="impact-heading" className="text-xl font-semibold">
          What {campaign.causeName} reports about its work
        </h2>
        <p className="max-w-prose text-sm text-muted">
          These are {campaign.causeName}&apos;s own figures, not independent counts.
        </p>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {campaign.figures.map(({ slug, ...figure }) => (
            <ImpactFigure key={slug} {...figure} />
          ))}
        </div>
      </section>
    </article>
  );
}

import Link from "next/link";

export interface HomeHeroProps {
  name: string;
  headline: string;
  summary: string;
  petition: { slug: string; target: string; ask: string } | null;
  pledgeSlug: string | null;
}

export function HomeHero({ name, headline, summary, petition, pledgeSlug }: HomeHeroProps) {
  return (
    <header className="space-y-5">
      <p className="text-sm font-semibold uppercase tracking-wider text-accent">{name}</p>
      <h1 className="max-w-3xl font-serif text-4xl font-bold leading-tight tracking-tight sm:text-5xl">
        {headline}
      </h1>
      <p className="max-w-prose text-lg">{summary}</p>
      {petition ? (
        <div className="max-w-prose rounded-xl border border-line bg-accent/5 p-4">
          <p className="text-sm font-semibold">Our petition to {petition.target}</p>
          <p className="mt-1">{petition.ask}</p>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-3">
        {petition ? (
          <Link href={`/petition/${petition.slug}`} className="button-primary">
            Sign the petition
          </Link>
        ) : null}
        {pledgeSlug ? (
          <Link href={`/pledge/${pledgeSlug}`} className="button-secondary">
            Take the pledge
          </Link>
        ) : null}
        <Link href="/story" className="button-secondary">
          Read the story
        </Link>
      </div>
    </header>
  );
}

"use client";

import { useLiveNumber } from "@/components/campaign/live-totals-store";
import type { PublicCommitment } from "@/db/queries/pledges";

const format = new Intl.NumberFormat("en-US");

function CommitmentTotal({ slug, commitment, initial }: { slug: string; commitment: PublicCommitment; initial: number }) {
  const taken = useLiveNumber(
    { kind: "pledge", slug },
    (totals) =>
      (totals.commitments as { slug: string; verified: number }[] | undefined)?.find((c) => c.slug === commitment.slug)
        ?.verified,
    initial,
  );
  return (
    <p className="mt-2 text-sm">
      <span className="font-semibold tabular-nums">{format.format(taken)}</span> {taken === 1 ? "person has" : "people have"}{" "}
      taken this on
      {commitment.threshold ? (
        <>
          {" "}
          · <span className="tabular-nums">{format.format(Math.min(taken, commitment.threshold))}</span> of{" "}
          <span className="tabular-nums">{format.format(commitment.threshold)}</span> needed
        </>
      ) : null}
    </p>
  );
}

export function CommitmentList({
  slug,
  commitments,
  totals,
}: {
  slug: string;
  commitments: PublicCommitment[];
  totals: { slug: string; verified: number }[];
}) {
  return (
    <section aria-labelledby="commitments-heading" className="space-y-3">
      <h2 id="commitments-heading" className="font-serif text-2xl font-semibold">
        The commitments
      </h2>
      <ul className="grid gap-3">
        {commitments.map((commitment) => (
          <li key={commitment.slug} className="rounded-xl border border-line p-4" data-testid="commitment">
            <p className="font-semibold">{commitment.title}</p>
            <p className="text-sm">{commitment.description}</p>
            <CommitmentTotal
              slug={slug}
              commitment={commitment}
              initial={totals.find((total) => total.slug === commitment.slug)?.verified ?? 0}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

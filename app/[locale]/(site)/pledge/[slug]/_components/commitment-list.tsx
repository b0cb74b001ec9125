"use client";

import { useLiveNumber, useLiveValue } from "@/components/campaign/live-totals-store";
import type { CommitmentTotals, PublicCommitment } from "@/db/queries/pledges";
import { formatNumber } from "@/lib/domain/format";
import type { Locale } from "@/lib/domain/locale";

type Totals = Pick<CommitmentTotals, "slug" | "verified" | "fulfilled" | "isActive">;

function CommitmentTotal({
  slug,
  commitment,
  initial,
  locale,
}: {
  slug: string;
  commitment: PublicCommitment;
  initial: Totals | undefined;
  locale: Locale;
}) {
  const format = (n: number) => formatNumber(n, locale);
  const read = (field: "verified" | "fulfilled") => (totals: Record<string, unknown>) =>
    (totals.commitments as Totals[] | undefined)?.find((c) => c.slug === commitment.slug)?.[field];
  const taken = useLiveNumber({ kind: "pledge", slug }, read("verified"), initial?.verified ?? 0);
  const done = useLiveNumber({ kind: "pledge", slug }, read("fulfilled"), initial?.fulfilled ?? 0);
  // Once on, a commitment stays on, even if some takers withdraw later.
  const isActive = useLiveValue(
    { kind: "pledge", slug },
    (totals) =>
      (totals.commitments as Totals[] | undefined)?.find((c) => c.slug === commitment.slug)?.isActive,
    initial?.isActive ?? false,
  );
  // A new pledge shows an invitation, not a row of zeros.
  if (taken === 0) {
    return (
      <p className="mt-2 text-sm text-muted">
        No one has taken this on yet.
        {commitment.threshold ? <> It starts once {format(commitment.threshold)} people promise it.</> : null}
      </p>
    );
  }
  return (
    <p className="mt-2 text-sm">
      <span className="font-semibold tabular-nums">{format(taken)}</span>{" "}
      {taken === 1 ? "person has" : "people have"} taken this on
      {commitment.threshold && isActive ? (
        <>
          {" "}
          · <strong>It&apos;s on</strong>: {format(commitment.threshold)} people promised it
        </>
      ) : commitment.threshold ? (
        <>
          {" "}
          · <span className="tabular-nums">{format(taken)}</span> of{" "}
          <span className="tabular-nums">{format(commitment.threshold)}</span> needed
        </>
      ) : null}
      {done > 0 ? (
        <>
          {" "}
          · <span className="tabular-nums">{format(done)}</span> say they have done it
        </>
      ) : null}
    </p>
  );
}

export function CommitmentList({
  slug,
  commitments,
  totals,
  locale,
}: {
  slug: string;
  commitments: PublicCommitment[];
  totals: Totals[];
  /** The reader's language: the counts are written its way. */
  locale: Locale;
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
              initial={totals.find((total) => total.slug === commitment.slug)}
              locale={locale}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

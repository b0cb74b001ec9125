"use client";

import { useLiveNumber, useLiveValue } from "@/components/campaign/live-totals-store";
import type { CommitmentTotals, PublicCommitment } from "@/db/queries/pledges";
import { formatNumber } from "@/lib/domain/format";
import type { Locale } from "@/lib/domain/locale";
import { fill, fillNodes, pluralWords, type PluralWords } from "@/lib/i18n/fill";
import { inFallback } from "@/lib/domain/fallback-language";

/** The list's words, in the page's language, with `{count}` and the like to fill in (messages: pledgePage). */
export interface CommitmentWords {
  heading: string;
  noneYet: string;
  /** "It starts once {count} people promise it." */
  startsAt: string;
  /** "{count} people have taken this on" */
  taken: PluralWords;
  on: string;
  /** "{on}: {count} people promised it" */
  onDetail: string;
  /** "{taken} of {threshold} needed" */
  needed: string;
  /** "{count} say they have done it" */
  done: PluralWords;
}

type Totals = Pick<CommitmentTotals, "slug" | "verified" | "fulfilled" | "isActive">;

function CommitmentTotal({
  slug,
  commitment,
  initial,
  locale,
  words,
}: {
  slug: string;
  commitment: PublicCommitment;
  initial: Totals | undefined;
  locale: Locale;
  words: CommitmentWords;
}) {
  const format = (n: number) => formatNumber(n, locale);
  const figure = (n: number, className = "tabular-nums") => <span className={className}>{format(n)}</span>;
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
        {words.noneYet}
        {commitment.threshold ? <> {fill(words.startsAt, { count: format(commitment.threshold) })}</> : null}
      </p>
    );
  }
  return (
    <p className="mt-2 text-sm">
      {fillNodes(pluralWords(taken, locale, words.taken), {
        count: figure(taken, "font-semibold tabular-nums"),
      })}
      {commitment.threshold && isActive ? (
        <>
          {" · "}
          {fillNodes(words.onDetail, {
            on: <strong>{words.on}</strong>,
            count: format(commitment.threshold),
          })}
        </>
      ) : commitment.threshold ? (
        <>
          {" · "}
          {fillNodes(words.needed, { taken: figure(taken), threshold: figure(commitment.threshold) })}
        </>
      ) : null}
      {done > 0 ? (
        <>
          {" · "}
          {fillNodes(pluralWords(done, locale, words.done), { count: figure(done) })}
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
  words,
}: {
  slug: string;
  commitments: PublicCommitment[];
  totals: Totals[];
  /** The reader's language: the counts are written its way. */
  locale: Locale;
  words: CommitmentWords;
}) {
  return (
    <section aria-labelledby="commitments-heading" className="space-y-3">
      <h2 id="commitments-heading" className="font-serif text-2xl font-semibold">
        {words.heading}
      </h2>
      <ul className="grid gap-3">
        {commitments.map((commitment) => (
          <li key={commitment.slug} className="rounded-xl border border-line p-4" data-testid="commitment">
            <p className="font-semibold" {...inFallback(commitment, "title")}>
              {commitment.title}
            </p>
            <p className="text-sm" {...inFallback(commitment, "description")}>
              {commitment.description}
            </p>
            <CommitmentTotal
              slug={slug}
              commitment={commitment}
              initial={totals.find((total) => total.slug === commitment.slug)}
              locale={locale}
              words={words}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

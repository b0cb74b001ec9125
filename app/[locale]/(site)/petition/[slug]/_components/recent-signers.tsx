"use client";

import { useLiveValue, type TotalsSource } from "@/components/campaign/live-totals-store";
import type { PublicSigner } from "@/db/queries/signatures";
import { ReportComment, type ReportWords } from "./report-comment";

export interface RecentSignersWords {
  heading: string;
  intro: string;
  report: ReportWords;
}

/**
 * Where a signer is from, in the page's language: the place stored when they signed ("Texas,
 * United States", written in English) with its country named as the page names it.
 */
function placeOf(signer: PublicSigner, countries: readonly { code: string; name: string }[]): string | null {
  if (!signer.locality) return null;
  const country = countries.find((option) => option.code === signer.country)?.name;
  if (!country) return signer.locality;
  const comma = signer.locality.lastIndexOf(", ");
  return comma === -1 ? country : `${signer.locality.slice(0, comma)}, ${country}`;
}

/** The latest signers who chose to be shown, kept current by the same feed as the totals. */
export function RecentSigners({
  source,
  initial,
  countries,
  words,
}: {
  source: TotalsSource;
  initial: PublicSigner[];
  /** The countries by name in the page's language, as the form lists them. */
  countries: readonly { code: string; name: string }[];
  words: RecentSignersWords;
}) {
  const signers = useLiveValue(
    source,
    (totals) => (Array.isArray(totals.recentSigners) ? (totals.recentSigners as PublicSigner[]) : undefined),
    initial,
  );
  if (signers.length === 0) return null;
  return (
    <section aria-labelledby="signers-heading" className="space-y-3">
      <h2 id="signers-heading" className="font-serif text-2xl font-semibold">
        {words.heading}
      </h2>
      <p className="text-sm text-muted">{words.intro}</p>
      <ul className="divide-y divide-line rounded-xl border border-line" data-testid="recent-signers">
        {signers.map((signer, index) => (
          <li key={index} className="p-4">
            <p>
              <span className="font-semibold">
                {signer.firstName} {signer.lastInitial}.
              </span>
              {signer.locality ? <span className="text-muted">, {placeOf(signer, countries)}</span> : null}
            </p>
            {signer.comment ? <p className="mt-1 text-sm">&ldquo;{signer.comment}&rdquo;</p> : null}
            {signer.comment && signer.commentId ? (
              <ReportComment
                key={signer.commentId}
                commentId={signer.commentId}
                slug={source.slug}
                words={words.report}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

import type { Ranked } from "@/db/queries/action-reports";
import { formatNumber, STAFF_LOCALE } from "@/lib/domain/format";

/** A short ranked list (top sources, referrers, countries), or a line saying there is none yet. */
export function RankingList({
  id,
  title,
  rows,
  empty,
}: {
  id: string;
  title: string;
  rows: Ranked[];
  empty: string;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-2" data-testid={id}>
      <h2 id={`${id}-heading`} className="font-semibold">
        {title}
      </h2>
      {rows.length === 0 ? (
        <p className="text-sm text-muted">{empty}</p>
      ) : (
        <ol className="space-y-1 text-sm">
          {rows.map((row) => (
            <li key={row.label} className="flex justify-between gap-4 border-b border-line py-1">
              <span className="break-all">{row.label}</span>
              <span className="tabular-nums">{formatNumber(row.count, STAFF_LOCALE)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

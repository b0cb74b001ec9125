"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Bucket } from "@/db/queries/action-reports";
import { formatDate, STAFF_LOCALE } from "@/lib/domain/format";

// The bars, the legend and the table's columns, in one order: the legend is drawn from this list
// (not by the chart library, whose legend sorted the series by name, the reverse of the bars).
const SERIES = [
  { key: "signed", name: "Signed", color: "var(--color-accent)" },
  { key: "confirmed", name: "Of those, confirmed their email by now", color: "var(--color-live)" },
  // The public history (GET /api/petitions/{slug}/history) gives exactly these figures.
  { key: "verified", name: "Of those, counted in the total now", color: "var(--color-ink)" },
] as const;

/**
 * Supporters per hour or per day as bars: everyone who signed in that hour or day, of them
 * those who have confirmed their email by now, and those who count in the public total now
 * (confirmed, not withdrawn or held). The same figures are in a table below it, for
 * screen readers and for copying.
 */
export function SupportersChart({
  id,
  caption,
  buckets,
  unit,
}: {
  id: string;
  caption: string;
  buckets: Bucket[];
  unit: "hour" | "day";
}) {
  const label = (at: string) =>
    unit === "hour"
      ? `${at.slice(5, 10)} ${at.slice(11, 16)}`
      : formatDate(new Date(at), STAFF_LOCALE, { month: "short", day: "numeric", timeZone: "UTC" });
  const data = buckets.map((bucket) => ({ ...bucket, label: label(bucket.at) }));
  return (
    <figure aria-labelledby={`${id}-caption`} className="space-y-2" data-testid={id}>
      <figcaption id={`${id}-caption`} className="font-semibold">
        {caption}
      </figcaption>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" data-testid="legend">
        {SERIES.map((series) => (
          <li key={series.key} className="flex items-center gap-2">
            <span
              aria-hidden="true"
              className="inline-block size-3 rounded-sm"
              style={{ background: series.color }}
            />
            {series.name}
          </li>
        ))}
      </ul>
      <div className="h-64 w-full" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--color-line)" vertical={false} />
            <XAxis
              dataKey="label"
              tick={{ fill: "var(--color-muted)", fontSize: 12 }}
              interval="preserveStartEnd"
              minTickGap={24}
            />
            <YAxis allowDecimals={false} tick={{ fill: "var(--color-muted)", fontSize: 12 }} width={48} />
            <Tooltip contentStyle={{ background: "var(--color-paper)", borderColor: "var(--color-line)" }} />
            {SERIES.map((series) => (
              <Bar
                key={series.key}
                dataKey={series.key}
                name={series.name}
                fill={series.color}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details>
        <summary className="cursor-pointer text-sm">The figures as a table</summary>
        <table className="mt-2 text-sm">
          <thead>
            <tr>
              <th scope="col" className="pr-4 text-left">
                {unit === "hour" ? "Hour (UTC)" : "Day (UTC)"}
              </th>
              {SERIES.map((series) => (
                <th key={series.key} scope="col" className="pr-4 text-right last:pr-0">
                  {series.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.map((row) => (
              <tr key={row.at}>
                <th scope="row" className="pr-4 text-left font-normal">
                  {row.label}
                </th>
                {SERIES.map((series) => (
                  <td key={series.key} className="pr-4 text-right tabular-nums last:pr-0">
                    {row[series.key]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

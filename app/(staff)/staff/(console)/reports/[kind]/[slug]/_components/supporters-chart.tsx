"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Bucket } from "@/db/queries/action-reports";

const COLORS = { signed: "var(--color-accent)", confirmed: "var(--color-live)" };

/**
 * Supporters per hour or per day as bars: everyone who signed, and of them those who have
 * confirmed since. The same figures are in a table below it, for screen readers and for copying.
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
      : new Date(at).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
  const data = buckets.map((bucket) => ({ ...bucket, label: label(bucket.at) }));
  return (
    <figure aria-labelledby={`${id}-caption`} className="space-y-2" data-testid={id}>
      <figcaption id={`${id}-caption`} className="font-semibold">
        {caption}
      </figcaption>
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
            <Legend />
            <Bar dataKey="signed" name="Signed" fill={COLORS.signed} isAnimationActive={false} />
            <Bar
              dataKey="confirmed"
              name="Confirmed since"
              fill={COLORS.confirmed}
              isAnimationActive={false}
            />
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
              <th scope="col" className="pr-4 text-right">
                Signed
              </th>
              <th scope="col" className="text-right">
                Confirmed since
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((row) => (
              <tr key={row.at}>
                <th scope="row" className="pr-4 text-left font-normal">
                  {row.label}
                </th>
                <td className="pr-4 text-right tabular-nums">{row.signed}</td>
                <td className="text-right tabular-nums">{row.confirmed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

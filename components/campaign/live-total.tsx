"use client";

import { useEasedNumber } from "./use-eased-number";
import { useLiveNumber, type TotalsSource } from "./live-totals-store";
import { useThrottledAnnouncement } from "./use-throttled-announcement";

export interface LiveTotalProps {
  source: TotalsSource;
  field: "verified" | "pending";
  initial: number;
  /** What the number counts, in the plural: "verified signatures". */
  label: string;
  size?: "large" | "small";
}

const format = new Intl.NumberFormat("en-US");

/** A count read live from the database, set apart from the cause's reported figures. */
export function LiveTotal({ source, field, initial, label, size = "large" }: LiveTotalProps) {
  const value = useLiveNumber(source, (totals) => totals[field], initial);
  const shown = useEasedNumber(value);
  const announcement = useThrottledAnnouncement(`${format.format(value)} ${label}`);
  return (
    <div
      className="rounded-xl border-2 border-live/50 bg-live/5 p-4"
      data-testid="live-total"
      data-value={value}
    >
      <p className="flex items-center gap-2 text-xs font-semibold uppercase tracking-wider text-live">
        <span
          aria-hidden="true"
          className="inline-block size-2 rounded-full bg-live motion-safe:animate-pulse"
        />
        Live count
      </p>
      <p className={`mt-1 font-semibold tabular-nums ${size === "large" ? "text-4xl" : "text-2xl"}`}>
        {format.format(shown)}
      </p>
      <p className="text-sm">{label}</p>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

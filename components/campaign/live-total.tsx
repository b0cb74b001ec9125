export interface LiveTotalProps {
  value: number;
  /** What the number counts, in the plural: "verified signatures". */
  label: string;
}

/** A count read from the database now, set apart from the cause's reported figures. */
export function LiveTotal({ value, label }: LiveTotalProps) {
  return (
    <div className="rounded-lg border-2 border-live/60 p-4" data-testid="live-total">
      <p className="flex items-center gap-2 text-xs font-semibold uppercase tracking-wide text-live">
        <span aria-hidden="true" className="inline-block size-2 rounded-full bg-live" />
        Live count
      </p>
      <p className="mt-1 text-3xl font-semibold tabular-nums">{new Intl.NumberFormat("en-US").format(value)}</p>
      <p className="text-sm">{label}</p>
    </div>
  );
}

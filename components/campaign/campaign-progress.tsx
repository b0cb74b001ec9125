"use client";

import { CAMPAIGN_DAY_LABEL } from "@/lib/domain/campaign-day";
import { formatNumber } from "@/lib/domain/format";
import { currentGoal } from "@/lib/domain/goal";
import type { Locale } from "@/lib/domain/locale";
import { useEasedNumber } from "./use-eased-number";
import { useLiveNumber, type TotalsSource } from "./live-totals-store";
import { useThrottledAnnouncement } from "./use-throttled-announcement";

export interface CampaignProgressProps {
  source: TotalsSource;
  /** As the page read them; then as the live feed sends them. */
  initial: { verified: number; today: number };
  /**
   * The goal staff set, as the page read it (fresh within seconds of an edit); without one, the
   * automatic step above the live total. Not read from the feed, which changes with the counts only.
   */
  fixedGoal: number | null;
  /** The reader's language: the count and the goal are written its way. */
  locale: Locale;
}

// Every word the count shows, by what is counted: one place to translate (issue 15).
const WORDS = {
  petition: {
    counted: "verified signatures",
    today: "signed today",
    first: "Be the first to sign",
    firstHint: "No one has signed yet. Your name starts the count.",
    todayField: "signedToday",
  },
  pledge: {
    counted: "people have taken the pledge",
    today: "took it today",
    first: "Be the first to take the pledge",
    firstHint: "No one has taken it yet. Your promise starts the count.",
    todayField: "takenToday",
  },
} as const;

/**
 * The one public count of a petition or pledge, beside its form: the verified total against the
 * goal, and how many confirmed today. Live: it moves as supporters confirm, on every open page.
 * Before anyone has, it invites the first instead of showing a zero.
 */
export function CampaignProgress({ source, initial, fixedGoal, locale }: CampaignProgressProps) {
  const format = (n: number) => formatNumber(n, locale);
  const words = WORDS[source.kind];
  const verified = useLiveNumber(source, (totals) => totals.verified, initial.verified);
  const today = useLiveNumber(source, (totals) => totals[words.todayField], initial.today);
  const shown = useEasedNumber(verified);
  const goal = currentGoal(verified, fixedGoal);
  const announcement = useThrottledAnnouncement(`${format(verified)} ${words.counted}`);
  return (
    <div data-testid="live-total" data-value={verified} className="space-y-2">
      <p className="flex items-center gap-2 text-xs font-semibold uppercase tracking-wider text-live">
        <span
          aria-hidden="true"
          className="inline-block size-2 rounded-full bg-live motion-safe:animate-pulse"
        />
        Live count
      </p>
      {verified === 0 ? (
        <div data-testid="first-supporter">
          <p className="font-serif text-2xl font-semibold">{words.first}</p>
          <p className="text-sm text-muted">{words.firstHint}</p>
        </div>
      ) : (
        <p className="leading-tight">
          <span className="block font-serif text-4xl font-bold tabular-nums">{format(shown)}</span>
          <span className="text-sm">{words.counted}</span>
        </p>
      )}
      {verified === 0 ? (
        <p className="text-sm" data-testid="goal-progress">
          The goal: <span className="font-semibold tabular-nums">{format(goal)}</span> {words.counted}
        </p>
      ) : (
        <div data-testid="goal-progress">
          <progress
            className="h-2.5 w-full overflow-hidden rounded-full [&::-moz-progress-bar]:bg-accent [&::-webkit-progress-bar]:bg-line [&::-webkit-progress-value]:bg-accent"
            max={goal}
            value={Math.min(verified, goal)}
            aria-label={`Progress toward the goal of ${format(goal)}`}
          />
          <p className="mt-1 flex flex-wrap justify-between gap-x-4 text-sm">
            <span>
              {format(verified)} of a goal of{" "}
              <span className="font-semibold tabular-nums">{format(goal)}</span>
            </span>
            {today > 0 ? (
              <span data-testid="signed-today" title={CAMPAIGN_DAY_LABEL}>
                <span className="font-semibold tabular-nums">{format(today)}</span> {words.today}
                <span className="sr-only"> ({CAMPAIGN_DAY_LABEL})</span>
              </span>
            ) : null}
          </p>
        </div>
      )}
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

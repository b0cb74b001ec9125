"use client";

import { formatNumber } from "@/lib/domain/format";
import { currentGoal } from "@/lib/domain/goal";
import type { Locale } from "@/lib/domain/locale";
import { fill, fillNodes, pluralWords, type PluralWords } from "@/lib/i18n/fill";
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
  words: ProgressWords;
}

/** Every word the count shows, for what it counts, in the page's language (messages: campaignProgress). */
export interface ProgressWords {
  live: string;
  /** "The goal: {goal} {counted}" */
  goal: string;
  /** "Progress toward the goal of {goal}" */
  goalLabel: string;
  /** "{count} of a goal of {goal}" */
  ofGoal: string;
  sinceMidnight: string;
  /** "verified signatures", by count */
  counted: PluralWords;
  /** "{count} signed today" */
  today: PluralWords;
  first: string;
  firstHint: string;
}

const TODAY_FIELD = { petition: "signedToday", pledge: "takenToday" } as const;

/**
 * The one public count of a petition or pledge, beside its form: the verified total against the
 * goal, and how many confirmed today. Live: it moves as supporters confirm, on every open page.
 * Before anyone has, it invites the first instead of showing a zero.
 */
export function CampaignProgress({ source, initial, fixedGoal, locale, words }: CampaignProgressProps) {
  const format = (n: number) => formatNumber(n, locale);
  const figure = (n: number) => <span className="font-semibold tabular-nums">{format(n)}</span>;
  const verified = useLiveNumber(source, (totals) => totals.verified, initial.verified);
  const today = useLiveNumber(source, (totals) => totals[TODAY_FIELD[source.kind]], initial.today);
  const shown = useEasedNumber(verified);
  const goal = currentGoal(verified, fixedGoal);
  const counted = (n: number) => pluralWords(n, locale, words.counted);
  const announcement = useThrottledAnnouncement(`${format(verified)} ${counted(verified)}`);
  return (
    <div data-testid="live-total" data-value={verified} className="space-y-2">
      <p className="flex items-center gap-2 text-xs font-semibold uppercase tracking-wider text-live">
        <span
          aria-hidden="true"
          className="inline-block size-2 rounded-full bg-live motion-safe:animate-pulse"
        />
        {words.live}
      </p>
      {verified === 0 ? (
        <div data-testid="first-supporter">
          <p className="font-serif text-2xl font-semibold">{words.first}</p>
          <p className="text-sm text-muted">{words.firstHint}</p>
        </div>
      ) : (
        <p className="leading-tight">
          <span className="block font-serif text-4xl font-bold tabular-nums">{format(shown)}</span>
          <span className="text-sm">{counted(shown)}</span>
        </p>
      )}
      {verified === 0 ? (
        <p className="text-sm" data-testid="goal-progress">
          {fillNodes(words.goal, { goal: figure(goal), counted: counted(goal) })}
        </p>
      ) : (
        <div data-testid="goal-progress">
          <progress
            className="h-2.5 w-full overflow-hidden rounded-full [&::-moz-progress-bar]:bg-accent [&::-webkit-progress-bar]:bg-line [&::-webkit-progress-value]:bg-accent"
            max={goal}
            value={Math.min(verified, goal)}
            aria-label={fill(words.goalLabel, { goal: format(goal) })}
          />
          <p className="mt-1 flex flex-wrap justify-between gap-x-4 text-sm">
            <span>{fillNodes(words.ofGoal, { count: format(verified), goal: figure(goal) })}</span>
            {today > 0 ? (
              <span data-testid="signed-today" title={words.sinceMidnight}>
                {fillNodes(pluralWords(today, locale, words.today), { count: figure(today) })}
                <span className="sr-only"> ({words.sinceMidnight})</span>
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

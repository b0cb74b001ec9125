import { formatDate, formatNumber, STAFF_LOCALE } from "./format";

/** Confirmed supporters of one petition or pledge over the last two weeks, by campaign day. */
export interface Momentum {
  /** Confirmed since midnight today (lib/domain/campaign-day.ts). */
  today: number;
  /** Confirmed in the last 7 days, today included. */
  week: number;
  /** Confirmed in the 7 days before those. */
  previousWeek: number;
}

export interface Trend {
  /** This week against the week before, in plain words ("up 25% on the week before"). */
  change: string;
  /** Where this week's pace leads against the goal, in plain words. */
  pace: string;
  /** Whether this week's pace reaches the goal before the action closes (or at all, if it never closes). */
  onPace: boolean;
}

const DAY_MS = 86_400_000;
// Staff read the trend, in the console's language.
const count = (n: number) => formatNumber(n, STAFF_LOCALE);
const dayOf = (date: Date) =>
  formatDate(date, STAFF_LOCALE, { month: "long", day: "numeric", timeZone: "UTC" });

/**
 * How a petition or pledge is moving, for staff: this week against the last, and whether this
 * week's daily pace reaches the goal (before the closing date, where there is one).
 */
export function describeTrend({
  verified,
  goal,
  momentum,
  closesAt,
  now,
}: {
  verified: number;
  goal: number;
  momentum: Momentum;
  closesAt: Date | null;
  now: Date;
}): Trend {
  return {
    change: describeChange(momentum),
    ...describePace(verified, goal, momentum.week / 7, closesAt, now),
  };
}

function describeChange({ week, previousWeek }: Momentum): string {
  if (week === 0 && previousWeek === 0) return "No one confirmed in the last two weeks";
  if (previousWeek === 0) return "None the week before";
  if (week === previousWeek) return "The same as the week before";
  const percent = Math.round((Math.abs(week - previousWeek) / previousWeek) * 100);
  return `${week > previousWeek ? "Up" : "Down"} ${count(percent)}% on the week before (${count(previousWeek)})`;
}

function describePace(
  verified: number,
  goal: number,
  perDay: number,
  closesAt: Date | null,
  now: Date,
): Pick<Trend, "pace" | "onPace"> {
  const remaining = goal - verified;
  if (remaining <= 0) return { pace: "The goal is reached", onPace: true };
  const daysLeft = closesAt ? Math.max(0, (closesAt.getTime() - now.getTime()) / DAY_MS) : null;
  if (daysLeft === 0) return { pace: "Closed before reaching the goal", onPace: false };
  const needed = daysLeft === null ? null : Math.ceil(remaining / daysLeft);
  const by = closesAt ? ` by ${dayOf(closesAt)}` : "";
  if (perDay === 0) {
    return {
      pace:
        needed === null
          ? `No pace yet: ${count(remaining)} more needed for the goal`
          : `No pace yet: ${count(needed)} a day needed to reach the goal${by}`,
      onPace: false,
    };
  }
  const daysToGoal = Math.ceil(remaining / perDay);
  const rate = count(Math.round(perDay * 10) / 10);
  if (daysLeft === null) {
    const days = `${count(daysToGoal)} ${daysToGoal === 1 ? "day" : "days"}`;
    return { pace: `At this week's pace (${rate} a day), the goal in about ${days}`, onPace: true };
  }
  const onPace = daysToGoal <= daysLeft;
  return {
    pace: onPace
      ? `On pace: this week's ${rate} a day reaches the goal${by}`
      : `Behind: ${count(needed!)} a day needed to reach the goal${by}; this week averaged ${rate}`,
    onPace,
  };
}

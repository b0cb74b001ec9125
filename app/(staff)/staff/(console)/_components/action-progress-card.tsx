import Link from "next/link";
import type { ActionProgress } from "@/db/queries/staff-dashboard";
import { SUPPORT_STATE_WORDS } from "@/lib/domain/enums";
import { describeTrend } from "@/lib/domain/momentum";
import { formatNumber, STAFF_LOCALE } from "@/lib/domain/format";

const OTHER_STATES = ["pending", "held", "withdrawn", "rejected"] as const;

/**
 * One petition or pledge on the dashboard: its confirmed count against the goal, today and this
 * week against the week before, where this week's pace leads, and its other states. A card, so
 * that it reads the same on a phone as on a desk.
 */
export function ActionProgressCard({ action, now }: { action: ActionProgress; now: Date }) {
  const { verified } = action.totals;
  const trend = describeTrend({
    verified,
    goal: action.goal,
    momentum: action.momentum,
    closesAt: action.closesAt,
    now,
  });
  const percent = Math.min(100, Math.floor((verified / action.goal) * 100));
  const headingId = `action-${action.kind}-${action.slug}`;
  return (
    <li
      aria-labelledby={headingId}
      className="space-y-3 rounded-lg border border-line p-4"
      data-testid="action-progress"
    >
      <h2 id={headingId} className="font-semibold">
        <span className="block text-xs uppercase tracking-wider text-muted">
          {action.kind}
          {action.isOpen ? null : " · closed"}
        </span>
        <Link href={`/staff/reports/${action.kind}/${action.slug}`} className="break-words">
          {action.title}
        </Link>
      </h2>
      <div>
        <p className="tabular-nums">
          <span className="font-serif text-3xl font-bold" data-testid="verified">
            {formatNumber(verified, STAFF_LOCALE)}
          </span>{" "}
          confirmed of a goal of {formatNumber(action.goal, STAFF_LOCALE)} ({percent}%)
        </p>
        <progress
          className="h-2 w-full overflow-hidden rounded-full [&::-moz-progress-bar]:bg-accent [&::-webkit-progress-bar]:bg-line [&::-webkit-progress-value]:bg-accent"
          max={action.goal}
          value={Math.min(verified, action.goal)}
          aria-label={`${percent}% of the goal`}
        />
      </div>
      <dl className="grid grid-cols-2 gap-2 text-sm">
        <div>
          <dt className="text-muted">Confirmed today</dt>
          <dd className="text-xl tabular-nums" data-testid="today">
            {formatNumber(action.momentum.today, STAFF_LOCALE)}
          </dd>
        </div>
        <div>
          <dt className="text-muted">Last 7 days</dt>
          <dd className="text-xl tabular-nums" data-testid="week">
            {formatNumber(action.momentum.week, STAFF_LOCALE)}
          </dd>
        </div>
      </dl>
      <p className="text-sm" data-testid="trend">
        {trend.change}.{" "}
        <span className={trend.onPace ? "font-semibold" : "font-semibold text-error"}>{trend.pace}.</span>
      </p>
      <p className="text-sm text-muted" data-testid="other-states">
        {OTHER_STATES.map(
          (state) => `${SUPPORT_STATE_WORDS[state]}: ${formatNumber(action.totals[state], STAFF_LOCALE)}`,
        ).join(" · ")}
      </p>
    </li>
  );
}

"use client";

import { currentGoal } from "@/lib/domain/goal";
import { useLiveNumber, type TotalsSource } from "./live-totals-store";

export interface GoalProgressProps {
  source: TotalsSource;
  initialVerified: number;
  fixedGoal: number | null;
  noun: string;
}

const format = new Intl.NumberFormat("en-US");

/** Verified total against the goal; the automatic goal steps up as the total passes it. */
export function GoalProgress({ source, initialVerified, fixedGoal, noun }: GoalProgressProps) {
  const verified = useLiveNumber(source, (totals) => totals.verified, initialVerified);
  const goal = currentGoal(verified, fixedGoal);
  return (
    <div data-testid="goal-progress">
      <p className="text-sm">
        <span className="font-semibold tabular-nums">{format.format(verified)}</span> verified {noun} of a
        goal of <span className="font-semibold tabular-nums">{format.format(goal)}</span>
      </p>
      <progress
        className="mt-2 h-3 w-full overflow-hidden rounded-full [&::-moz-progress-bar]:bg-accent [&::-webkit-progress-bar]:bg-line [&::-webkit-progress-value]:bg-accent"
        max={goal}
        value={Math.min(verified, goal)}
        aria-label={`Progress toward the goal of ${format.format(goal)} ${noun}`}
      />
    </div>
  );
}

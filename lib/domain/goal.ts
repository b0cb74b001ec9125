/** The automatic goals a petition steps through as each is reached, then every further million. */
export const GOAL_STEPS = [
  100, 250, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000,
];

/**
 * The goal to show beside a total: the fixed goal staff set, or else the first automatic step
 * the total has not reached yet.
 */
export function currentGoal(total: number, fixedGoal: number | null): number {
  if (fixedGoal !== null && fixedGoal > 0) return fixedGoal;
  const step = GOAL_STEPS.find((goal) => total < goal);
  if (step !== undefined) return step;
  return (Math.floor(total / 1_000_000) + 1) * 1_000_000;
}

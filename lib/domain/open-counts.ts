// What the open counts publish of where supporters are (db/queries/open-counts.ts).

/**
 * The fewest supporters a place is named with. A country or U.S. state with fewer is counted in
 * the row without a name ("elsewhere or not known"), so that a campaign with one signer in a small
 * state does not point at them; the rows still sum to the verified total.
 */
export const OPEN_COUNTS_MIN_CELL = 5;

/**
 * Counts by place, largest first then by name, with every place under OPEN_COUNTS_MIN_CELL
 * folded into the null row (the unknown), which comes last when there is one.
 */
export function foldedCounts(counts: Map<string | null, number>): [string | null, number][] {
  const named: [string, number][] = [];
  let other = 0;
  for (const [place, count] of counts) {
    if (place !== null && count >= OPEN_COUNTS_MIN_CELL) named.push([place, count]);
    else other += count;
  }
  named.sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
  return other > 0 ? [...named, [null, other]] : named;
}

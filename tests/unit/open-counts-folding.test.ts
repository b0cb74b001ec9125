import { describe, expect, it } from "vitest";
import { foldedCounts, OPEN_COUNTS_MIN_CELL } from "@/lib/domain/open-counts";

describe("the open counts' folding of small places", () => {
  it("names only places with at least the minimum, largest first, the rest in the null row last", () => {
    const counts = new Map<string | null, number>([
      ["FR", 1],
      ["US", 40],
      [null, 3],
      ["GB", OPEN_COUNTS_MIN_CELL],
      ["CA", OPEN_COUNTS_MIN_CELL - 1],
      ["DE", OPEN_COUNTS_MIN_CELL],
    ]);
    expect(foldedCounts(counts)).toEqual([
      ["US", 40],
      ["DE", OPEN_COUNTS_MIN_CELL],
      ["GB", OPEN_COUNTS_MIN_CELL],
      [null, 1 + 3 + OPEN_COUNTS_MIN_CELL - 1],
    ]);
  });

  it("keeps the sum, and gives no null row when nothing is folded", () => {
    const counts = new Map<string | null, number>([
      ["Texas", 9],
      ["Ohio", 6],
    ]);
    expect(foldedCounts(counts)).toEqual([
      ["Texas", 9],
      ["Ohio", 6],
    ]);
    const single = new Map<string | null, number>([["Vermont", 1]]);
    expect(foldedCounts(single)).toEqual([[null, 1]]);
  });
});

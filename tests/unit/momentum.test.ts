import { describe, expect, it } from "vitest";
import { describeTrend } from "@/lib/domain/momentum";

const now = new Date("2026-12-01T15:00:00Z");
const trend = (
  verified: number,
  goal: number,
  week: number,
  previousWeek: number,
  closesAt: Date | null = null,
) => describeTrend({ verified, goal, momentum: { today: 0, week, previousWeek }, closesAt, now });

describe("a petition's trend for staff", () => {
  it("compares this week with the week before in plain words", () => {
    expect(trend(10, 100, 10, 8).change).toBe("Up 25% on the week before (8)");
    expect(trend(10, 100, 6, 8).change).toBe("Down 25% on the week before (8)");
    expect(trend(10, 100, 8, 8).change).toBe("The same as the week before");
    expect(trend(10, 100, 8, 0).change).toBe("None the week before");
    expect(trend(10, 100, 0, 0).change).toBe("No one confirmed in the last two weeks");
  });

  it("projects this week's daily pace onto the goal when the action never closes", () => {
    expect(trend(30, 100, 14, 0)).toMatchObject({
      pace: "At this week's pace (2 a day), the goal in about 35 days",
      onPace: true,
    });
    expect(trend(99, 100, 7, 0).pace).toBe("At this week's pace (1 a day), the goal in about 1 day");
    expect(trend(30, 100, 0, 5)).toMatchObject({
      pace: "No pace yet: 70 more needed for the goal",
      onPace: false,
    });
  });

  it("says whether the pace reaches the goal before the closing date", () => {
    const closes = new Date("2026-12-11T15:00:00Z"); // ten days away
    expect(trend(30, 100, 70, 0, closes)).toMatchObject({
      pace: "On pace: this week's 10 a day reaches the goal by December 11",
      onPace: true,
    });
    expect(trend(30, 100, 14, 0, closes)).toMatchObject({
      pace: "Behind: 7 a day needed to reach the goal by December 11; this week averaged 2",
      onPace: false,
    });
    expect(trend(30, 100, 0, 0, closes).pace).toBe(
      "No pace yet: 7 a day needed to reach the goal by December 11",
    );
    expect(trend(30, 100, 14, 0, new Date("2026-11-30T00:00:00Z"))).toMatchObject({
      pace: "Closed before reaching the goal",
      onPace: false,
    });
  });

  it("says so once the goal is reached", () => {
    expect(trend(100, 100, 3, 3)).toMatchObject({ pace: "The goal is reached", onPace: true });
  });
});

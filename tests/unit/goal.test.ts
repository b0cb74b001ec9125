import { describe, expect, it } from "vitest";
import { currentGoal } from "@/lib/domain/goal";

describe("currentGoal", () => {
  it("starts at 100", () => {
    expect(currentGoal(0, null)).toBe(100);
    expect(currentGoal(99, null)).toBe(100);
  });

  it("steps up once a goal is reached", () => {
    expect(currentGoal(100, null)).toBe(250);
    expect(currentGoal(999, null)).toBe(1_000);
    expect(currentGoal(1_000, null)).toBe(2_500);
    expect(currentGoal(499_999, null)).toBe(500_000);
    expect(currentGoal(500_000, null)).toBe(1_000_000);
  });

  it("goes up a million at a time past one million", () => {
    expect(currentGoal(1_000_000, null)).toBe(2_000_000);
    expect(currentGoal(3_250_000, null)).toBe(4_000_000);
  });

  it("keeps a goal that staff fixed, even once it is passed", () => {
    expect(currentGoal(10, 5_000)).toBe(5_000);
    expect(currentGoal(7_000, 5_000)).toBe(5_000);
  });
});

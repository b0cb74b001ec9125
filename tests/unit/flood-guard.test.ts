import { describe, expect, it } from "vitest";
import { FloodGuard } from "@/lib/flood-guard";

describe("FloodGuard", () => {
  it("lets requests through up to the limit, then says how long to wait", () => {
    const guard = new FloodGuard(3, 60_000);
    expect([guard.hit("a", 0), guard.hit("a", 1_000), guard.hit("a", 2_000)]).toEqual([0, 0, 0]);
    expect(guard.hit("a", 3_000)).toBe(57);
  });

  it("counts each address on its own", () => {
    const guard = new FloodGuard(1, 60_000);
    expect(guard.hit("a", 0)).toBe(0);
    expect(guard.hit("b", 0)).toBe(0);
    expect(guard.hit("a", 10)).toBeGreaterThan(0);
  });

  it("forgets requests older than the window", () => {
    const guard = new FloodGuard(1, 60_000);
    guard.hit("a", 0);
    expect(guard.hit("a", 60_001)).toBe(0);
  });
});

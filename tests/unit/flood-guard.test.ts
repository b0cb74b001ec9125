import { describe, expect, it } from "vitest";
import { FloodGuard, StreamSlots } from "@/lib/http/flood-guard";

function clock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("FloodGuard", () => {
  it("lets a burst of COUNT through at once, then says how long to wait for the next token", () => {
    const time = clock();
    const guard = new FloodGuard({ count: 3, seconds: 60 }, 100, time.now);
    expect([guard.take("a"), guard.take("a"), guard.take("a")]).toEqual([0, 0, 0]);
    // One token comes back every 20 s.
    expect(guard.take("a")).toBe(20);
    time.advance(5_000);
    expect(guard.take("a")).toBe(15);
  });

  it("refills at COUNT per SECONDS, never beyond COUNT", () => {
    const time = clock();
    const guard = new FloodGuard({ count: 3, seconds: 60 }, 100, time.now);
    for (let i = 0; i < 3; i++) guard.take("a");
    time.advance(20_000);
    expect(guard.take("a")).toBe(0);
    expect(guard.take("a")).toBeGreaterThan(0);
    time.advance(3_600_000);
    expect([guard.take("a"), guard.take("a"), guard.take("a"), guard.take("a")]).toEqual([0, 0, 0, 20]);
  });

  it("rounds the wait up to a whole second, at least one", () => {
    const time = clock();
    const guard = new FloodGuard({ count: 100, seconds: 1 }, 100, time.now);
    for (let i = 0; i < 100; i++) guard.take("a");
    expect(guard.take("a")).toBe(1);
  });

  it("counts each key on its own", () => {
    const time = clock();
    const guard = new FloodGuard({ count: 1, seconds: 60 }, 100, time.now);
    expect(guard.take("a")).toBe(0);
    expect(guard.take("b")).toBe(0);
    expect(guard.take("a")).toBeGreaterThan(0);
  });

  it("remembers at most its cap of keys, forgetting refilled buckets first", () => {
    const time = clock();
    const guard = new FloodGuard({ count: 2, seconds: 60 }, 10, time.now);
    for (let i = 0; i < 8; i++) guard.take(`early-${i}`);
    time.advance(60_000);
    // The early callers' buckets have refilled; these two have just emptied theirs.
    for (const key of ["flooder", "neighbour", "flooder", "neighbour"]) guard.take(key);
    guard.take("newcomer");
    expect(guard.size).toBe(3);
    expect(guard.take("flooder")).toBeGreaterThan(0);
    expect(guard.take("neighbour")).toBeGreaterThan(0);
  });

  it("when every remembered bucket is in use, forgets the least recently seen ones", () => {
    const time = clock();
    const guard = new FloodGuard({ count: 1, seconds: 3600 }, 10, time.now);
    guard.take("flooder");
    for (let i = 0; i < 20; i++) {
      guard.take(`caller-${i}`);
      expect(guard.take("flooder")).toBeGreaterThan(0);
    }
    expect(guard.size).toBeLessThanOrEqual(10);
  });
});

describe("StreamSlots", () => {
  it("caps open streams per key and per instance, and frees a slot when it is given back", () => {
    const slots = new StreamSlots(2, 3);
    const a1 = slots.acquire("a");
    const a2 = slots.acquire("a");
    expect(typeof a1).toBe("function");
    expect(typeof a2).toBe("function");
    expect(slots.acquire("a")).toBe("address");
    const b1 = slots.acquire("b");
    expect(typeof b1).toBe("function");
    expect(slots.acquire("c")).toBe("instance");
    expect(slots.acquire(null)).toBe("instance");
    (a1 as () => void)();
    (a1 as () => void)();
    expect(slots.size).toBe(2);
    expect(typeof slots.acquire("c")).toBe("function");
    expect(slots.acquire("a")).toBe("instance");
  });

  it("counts streams from an unknown address only towards the instance's cap", () => {
    const slots = new StreamSlots(1, 3);
    expect(typeof slots.acquire(null)).toBe("function");
    expect(typeof slots.acquire(null)).toBe("function");
    expect(typeof slots.acquire("a")).toBe("function");
    expect(slots.acquire(null)).toBe("instance");
  });
});

/** A rate: up to `count` at once, refilled at `count` per `seconds` (as written in env, "COUNT/SECONDS"). */
export interface Rate {
  count: number;
  seconds: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Keys one guard remembers at most: about 100 bytes each, so a few megabytes however many callers. */
const FLOOD_GUARD_MAX_KEYS = 50_000;

/**
 * A token bucket per key (a client address, lib/http/client-ip.ts addressKey), in this instance's
 * memory: it protects the server, not a count (the per-petition signing limits in the database
 * do that). A key starts with `count` tokens, each request takes one, and they come back at
 * `count / seconds` a second, so a crowd can arrive at once and then keep coming at that pace.
 */
export class FloodGuard {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    private readonly rate: Rate,
    private readonly maxKeys = FLOOD_GUARD_MAX_KEYS,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = rate.count / (rate.seconds * 1000);
  }

  /** Takes a token for `key`; returns 0 when there was one, else the whole seconds until there is. */
  take(key: string): number {
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (bucket) {
      bucket.tokens = this.tokensAt(bucket, now);
      bucket.at = now;
      // Re-inserted, so the Map's order is least recently used first.
      this.buckets.delete(key);
    } else {
      if (this.buckets.size >= this.maxKeys) this.makeRoom(now);
      bucket = { tokens: this.rate.count, at: now };
    }
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000));
  }

  get size(): number {
    return this.buckets.size;
  }

  private tokensAt(bucket: Bucket, now: number): number {
    return Math.min(this.rate.count, bucket.tokens + Math.max(0, now - bucket.at) * this.perMs);
  }

  private makeRoom(now: number): void {
    // A bucket that has filled up again is no different from a new one: forgetting it loses nothing.
    for (const [key, bucket] of this.buckets)
      if (this.tokensAt(bucket, now) >= this.rate.count) this.buckets.delete(key);
    // Still full (callers from very many addresses at once): forget the least recently seen
    // tenth. A flood's own address is the most recently seen, so it keeps its empty bucket.
    let excess = this.buckets.size - Math.floor(this.maxKeys * 0.9);
    for (const key of this.buckets.keys()) {
      if (excess-- <= 0) break;
      this.buckets.delete(key);
    }
  }
}

/**
 * Counts open streams per key and in all, to caps. Keys are forgotten when their last stream
 * closes, so memory is bounded by the instance cap.
 */
export class StreamSlots {
  private readonly open = new Map<string, number>();
  private total = 0;

  constructor(
    private readonly perKey: number,
    private readonly perInstance: number,
  ) {}

  /**
   * Takes a slot; returns the function that gives it back (once, however often called), or which
   * cap is reached. A null key (the caller's address is unknown) counts only towards the instance cap.
   */
  acquire(key: string | null): (() => void) | "address" | "instance" {
    if (this.total >= this.perInstance) return "instance";
    const held = key === null ? 0 : (this.open.get(key) ?? 0);
    if (key !== null && held >= this.perKey) return "address";
    this.total += 1;
    if (key !== null) this.open.set(key, held + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total -= 1;
      if (key === null) return;
      const left = (this.open.get(key) ?? 1) - 1;
      if (left > 0) this.open.set(key, left);
      else this.open.delete(key);
    };
  }

  get size(): number {
    return this.total;
  }
}

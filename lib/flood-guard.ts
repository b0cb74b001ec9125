/**
 * A coarse guard against floods of requests from one address, kept in this instance's memory:
 * it protects the server, not the count (the per-petition limits in the database do that).
 */
export class FloodGuard {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Records a request; returns the seconds to wait when over the limit, else 0. */
  hit(key: string, now = Date.now()): number {
    const recent = (this.hits.get(key) ?? []).filter((at) => at > now - this.windowMs);
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.sweep(now);
    return recent.length > this.limit ? Math.ceil((recent[0]! + this.windowMs - now) / 1000) : 0;
  }

  private sweep(now: number) {
    for (const [key, times] of this.hits) if (times.every((at) => at <= now - this.windowMs)) this.hits.delete(key);
  }
}

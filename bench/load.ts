export interface LoadResult {
  requests: number;
  errors: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * Keeps `connections` requests in flight for `durationMs` (or until `total` are done), calling
 * `send(i)` for each; `send` resolves true for a success. Bounded in count and time.
 */
export async function runLoad(options: {
  connections: number;
  durationMs: number;
  total?: number;
  send: (i: number) => Promise<boolean>;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < deadline && (options.total === undefined || next < options.total)) {
        const i = next++;
        const at = performance.now();
        let ok = false;
        try {
          ok = await options.send(i);
        } catch {
          ok = false;
        }
        latencies.push(performance.now() - at);
        if (!ok) errors++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return {
    requests: latencies.length,
    errors,
    perSecond: Math.round((latencies.length - errors) / seconds),
    p50Ms: at(0.5),
    p99Ms: at(0.99),
  };
}

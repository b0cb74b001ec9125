import "server-only";

// Public reads over every supporter of one petition (open counts, the integrity page): a crowd
// asking for them shares one read per process for a few seconds (docs/PERFORMANCE.md).

const holder = globalThis as {
  upstandReadCache?: Map<string, { value: Promise<unknown>; until: number }>;
};
const cache = (holder.upstandReadCache ??= new Map());

/**
 * The value `read` gives, shared for `ms` by every caller with the same key. Nothing is kept for
 * a read that found nothing (null: a petition published a moment ago is found) or failed.
 * `fresh` reads anew whatever is kept (someone checking their own signature) and keeps that.
 */
export function sharedRead<T>(key: string, ms: number, read: () => Promise<T>, fresh = false): Promise<T> {
  const hit = cache.get(key);
  if (!fresh && hit && hit.until > Date.now()) return hit.value as Promise<T>;
  const value = read();
  if (cache.size > 1_000) cache.clear();
  cache.set(key, { value, until: Date.now() + ms });
  value.then(
    (found) => found === null && cache.delete(key),
    () => cache.delete(key),
  );
  return value;
}

/** Forgets every shared read whose key starts with `prefix` (tests that change rows between reads). */
export function forgetSharedReads(prefix: string): void {
  for (const key of cache.keys()) if (key.startsWith(prefix)) cache.delete(key);
}

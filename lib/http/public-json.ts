import { logError } from "@/lib/log";

/** Lets a CDN absorb people refreshing to watch a number: fresh for 2 s, then served stale briefly. */
export const TOTALS_CACHE_CONTROL = "public, s-maxage=2, stale-while-revalidate=10, stale-if-error=60";

/**
 * Answers a public read: the value as JSON with the given caching, 404 when there is none, and
 * a calm 503 (logged) when the database cannot be reached, so a client knows to try again.
 */
export async function publicJson<T>(read: () => Promise<T | null>, cacheControl: string): Promise<Response> {
  try {
    const value = await read();
    if (value === null) return Response.json({ error: "Not found." }, { status: 404 });
    return Response.json(value, { headers: { "Cache-Control": cacheControl } });
  } catch (error) {
    logError("api: public read", error);
    return Response.json(
      { error: "The service is busy. Please try again in a moment." },
      { status: 503, headers: { "Retry-After": "5", "Cache-Control": "no-store" } },
    );
  }
}

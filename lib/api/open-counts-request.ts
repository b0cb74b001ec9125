import { getSupportBreakdown, getSupportHistory } from "@/db/queries/open-counts";
import { floodRefusal } from "@/lib/http/flood-limits";
import { publicJson } from "@/lib/http/public-json";
import { historyQuerySchema, HISTORY_INTERVAL_MESSAGE } from "@/lib/validation/open-counts";

export type OpenCountsKind = "petition" | "pledge";

/**
 * A CDN keeps the figures a little longer than the totals: each is a read over every verified
 * supporter, and where they are, or how many an hour, moves slowly compared to the total.
 */
export const OPEN_COUNTS_CACHE_CONTROL = "public, s-maxage=30, stale-while-revalidate=60, stale-if-error=300";

/** Readable from any site's script: public aggregates, no cookies (so no credentials allowed). */
const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, OPTIONS",
  "Access-Control-Max-Age": "86400",
} as const;

// The longest slug staff can save is far shorter; a control character (%00) is never in one and
// would only reach the database to be refused there.
const MAX_SLUG_LENGTH = 200;
const CONTROL = /\p{Cc}/u;

export function withCors(response: Response): Response {
  for (const [name, value] of Object.entries(CORS_HEADERS)) response.headers.set(name, value);
  return response;
}

export function isPossibleSlug(slug: string): boolean {
  return slug.length > 0 && slug.length <= MAX_SLUG_LENGTH && !CONTROL.test(slug) && slug.isWellFormed();
}

/** OPTIONS: the preflight a browser may send before a cross-site GET. */
export function openCountsPreflight(): Response {
  return withCors(new Response(null, { status: 204, headers: { "Cache-Control": "public, max-age=86400" } }));
}

/** GET /api/{petitions,pledges}/{slug}/breakdown: verified supporters by country and U.S. state. */
export async function handleBreakdownRequest(
  request: Request,
  kind: OpenCountsKind,
  slug: string,
): Promise<Response> {
  const refusal = floodRefusal("totals", request.headers, "json");
  if (refusal) return withCors(refusal);
  if (!isPossibleSlug(slug)) return withCors(Response.json({ error: "Not found." }, { status: 404 }));
  return withCors(await publicJson(() => getSupportBreakdown(kind, slug), OPEN_COUNTS_CACHE_CONTROL));
}

/** GET /api/{petitions,pledges}/{slug}/history?interval=hour|day: verified supporters per hour or day. */
export async function handleHistoryRequest(
  request: Request,
  kind: OpenCountsKind,
  slug: string,
): Promise<Response> {
  const refusal = floodRefusal("totals", request.headers, "json");
  if (refusal) return withCors(refusal);
  const params = new URL(request.url).searchParams;
  const given = params.getAll("interval");
  const parsed = historyQuerySchema.safeParse({ interval: given.length === 1 ? given[0] : undefined });
  if (!parsed.success)
    return withCors(
      Response.json(
        { error: HISTORY_INTERVAL_MESSAGE },
        { status: 400, headers: { "Cache-Control": "no-store" } },
      ),
    );
  if (!isPossibleSlug(slug)) return withCors(Response.json({ error: "Not found." }, { status: 404 }));
  return withCors(
    await publicJson(() => getSupportHistory(kind, slug, parsed.data.interval), OPEN_COUNTS_CACHE_CONTROL),
  );
}

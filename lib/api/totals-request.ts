import { getPetitionTotals } from "@/db/queries/petitions";
import { getPledgeTotals } from "@/db/queries/pledges";
import { floodRefusal } from "@/lib/http/flood-limits";
import type { TotalsKind } from "@/lib/live/totals-hub";
import { publicJson, TOTALS_CACHE_CONTROL } from "@/lib/http/public-json";

/**
 * GET /api/{petitions,pledges}/{slug}/totals: the totals as JSON, cacheable by a CDN for 2 s;
 * 429 past the caller's address's flood limit (lib/http/flood-limits.ts).
 */
export async function handleTotalsRequest(
  request: Request,
  kind: TotalsKind,
  slug: string,
): Promise<Response> {
  const refusal = floodRefusal("totals", request.headers, "json");
  if (refusal) return refusal;
  const read: () => Promise<object | null> =
    kind === "petition" ? () => getPetitionTotals(slug) : () => getPledgeTotals(slug);
  return publicJson(read, TOTALS_CACHE_CONTROL);
}

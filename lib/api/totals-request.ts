import { getPetitionTotals } from "@/db/queries/petitions";
import { getPledgeTotals } from "@/db/queries/pledges";
import type { TotalsKind } from "@/lib/live/totals-hub";
import { publicJson, TOTALS_CACHE_CONTROL } from "@/lib/public-json";

/** GET /api/{petitions,pledges}/{slug}/totals: the totals as JSON, cacheable by a CDN for 2 s. */
export function handleTotalsRequest(kind: TotalsKind, slug: string): Promise<Response> {
  const read: () => Promise<object | null> = kind === "petition" ? () => getPetitionTotals(slug) : () => getPledgeTotals(slug);
  return publicJson(read, TOTALS_CACHE_CONTROL);
}

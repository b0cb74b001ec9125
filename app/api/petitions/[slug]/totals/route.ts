import { getPetitionTotals } from "@/db/queries/petitions";
import { publicJson, TOTALS_CACHE_CONTROL } from "@/lib/public-json";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return publicJson(() => getPetitionTotals(slug), TOTALS_CACHE_CONTROL);
}

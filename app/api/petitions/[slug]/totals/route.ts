import { handleTotalsRequest } from "@/lib/api/totals-request";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleTotalsRequest("petition", (await params).slug);
}

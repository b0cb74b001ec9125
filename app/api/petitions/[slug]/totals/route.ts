import { handleTotalsRequest } from "@/lib/api/totals-request";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleTotalsRequest(request, "petition", (await params).slug);
}

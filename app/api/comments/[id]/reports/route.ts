import { handleReportRequest } from "@/lib/api/report-request";

export const dynamic = "force-dynamic";

/** "Report this comment" on the petition page's recent signers. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleReportRequest(request, (await params).id);
}

import { handleExportRequest } from "@/lib/api/export-request";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return handleExportRequest(request);
}

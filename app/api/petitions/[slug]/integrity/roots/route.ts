import { handleRootsRequest } from "@/lib/api/integrity-request";
import { openCountsPreflight } from "@/lib/api/open-counts-request";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleRootsRequest(request, (await params).slug);
}

export async function OPTIONS() {
  return openCountsPreflight();
}

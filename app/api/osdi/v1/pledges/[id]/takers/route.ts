import { handleOsdiSupporters } from "@/lib/osdi/endpoints";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleOsdiSupporters(request, "pledge", (await params).id);
}

import { handleOsdiPersonSupporters } from "@/lib/osdi/endpoints";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleOsdiPersonSupporters(request, (await params).id, "signature");
}

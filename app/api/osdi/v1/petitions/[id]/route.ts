import { handleOsdiCampaign } from "@/lib/osdi/endpoints";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleOsdiCampaign(request, "petition", (await params).id);
}

import { handleOsdiCampaigns } from "@/lib/osdi/endpoints";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return handleOsdiCampaigns(request, "pledge");
}

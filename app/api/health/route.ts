import { handleHealthRequest } from "@/lib/api/health-request";

export const dynamic = "force-dynamic";

export async function GET() {
  return handleHealthRequest();
}

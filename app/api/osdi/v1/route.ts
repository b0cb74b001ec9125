import { handleOsdiEntryPoint } from "@/lib/osdi/endpoints";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return handleOsdiEntryPoint(request);
}

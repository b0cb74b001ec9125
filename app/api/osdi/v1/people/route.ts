import { handleOsdiPeople } from "@/lib/osdi/endpoints";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return handleOsdiPeople(request);
}

import { handleSupportRequest } from "@/lib/api/support-request";

export const dynamic = "force-dynamic";

/** Sign a petition. See docs/API.md. */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleSupportRequest(request, "petition", (await params).slug);
}

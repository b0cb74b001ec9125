import { handleSupportRequest } from "@/lib/api/support-request";

export const dynamic = "force-dynamic";

/** Take a pledge. See docs/API.md. */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleSupportRequest(request, "pledge", (await params).slug);
}

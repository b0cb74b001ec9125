import { handleLinkRequest } from "@/lib/api/link-request";
import { handleUnsubscribeRequest } from "@/lib/api/unsubscribe-request";

export const dynamic = "force-dynamic";

/** The Confirm and Withdraw buttons on the pages emailed links open, and the "stop updates" link (RFC 8058). */
export async function POST(request: Request, { params }: { params: Promise<{ action: string }> }) {
  const { action } = await params;
  if (action === "unsubscribe") return handleUnsubscribeRequest(request);
  if (action !== "confirm" && action !== "withdraw")
    return Response.json({ error: "Not found." }, { status: 404 });
  return handleLinkRequest(request, action);
}

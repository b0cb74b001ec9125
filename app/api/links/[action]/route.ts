import { handleLinkRequest } from "@/lib/api/link-request";
import { handleUnsubscribeRequest } from "@/lib/api/unsubscribe-request";
import { linkActionSchema } from "@/lib/validation/links";

export const dynamic = "force-dynamic";

/** The Confirm and Withdraw buttons on the pages emailed links open, and the "stop updates" link (RFC 8058). */
export async function POST(request: Request, { params }: { params: Promise<{ action: string }> }) {
  const action = linkActionSchema.safeParse((await params).action);
  if (!action.success) return Response.json({ error: "Not found." }, { status: 404 });
  if (action.data === "unsubscribe") return handleUnsubscribeRequest(request);
  return handleLinkRequest(request, action.data);
}

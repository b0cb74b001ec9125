import { handleLinkRequest } from "@/lib/api/link-request";

export const dynamic = "force-dynamic";

/** The Confirm and Withdraw buttons on the pages emailed links open. */
export async function POST(request: Request, { params }: { params: Promise<{ action: string }> }) {
  const { action } = await params;
  if (action !== "confirm" && action !== "withdraw")
    return Response.json({ error: "Not found." }, { status: 404 });
  return handleLinkRequest(request, action);
}

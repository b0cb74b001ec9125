import { deleteWebhookRequest } from "@/lib/api/webhooks-request";

export const dynamic = "force-dynamic";

/** Delete a webhook endpoint (a key with the `webhooks` scope). See docs/API.md. */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return deleteWebhookRequest(request, (await params).id);
}

import { createWebhookRequest, listWebhooksRequest } from "@/lib/api/webhooks-request";

export const dynamic = "force-dynamic";

/** List webhook endpoints (a key with the `webhooks` scope). See docs/API.md. */
export async function GET(request: Request) {
  return listWebhooksRequest(request);
}

/** Register a webhook endpoint; the answer carries its secret, once. See docs/API.md. */
export async function POST(request: Request) {
  return createWebhookRequest(request);
}

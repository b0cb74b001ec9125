import {
  deleteWebhookEndpoint,
  listWebhookEndpoints,
  type WebhookEndpointSummary,
} from "@/db/queries/webhooks";
import { auditApiCall, authenticateApiKey, type ApiKeyCaller } from "@/lib/api-keys/authenticate";
import { floodRefusal } from "@/lib/http/flood-limits";
import { readJsonBody } from "@/lib/http/json-body";
import { fieldErrorsOf } from "@/lib/signing/supporting";
import { webhookEndpointIdSchema, webhookEndpointSchema } from "@/lib/validation/webhooks";
import { registerWebhookEndpoint } from "@/lib/webhooks/manage";

// /api/webhooks: endpoints managed by a partner system with a key holding the `webhooks` scope
// (docs/API.md, "Webhooks"). Every answer past the key check is audited under the key.

const noStore = { "Cache-Control": "no-store" };
const json = (body: unknown, status = 200) => Response.json(body, { status, headers: noStore });

/** An endpoint as the API shows it: never its secret. */
const shown = (endpoint: WebhookEndpointSummary) => ({
  id: endpoint.id,
  url: endpoint.url,
  description: endpoint.description,
  events: endpoint.events,
  created_by: endpoint.createdBy,
  created_date: endpoint.createdAt.toISOString(),
  status: endpoint.disabledAt ? "disabled" : "active",
  disabled_date: endpoint.disabledAt?.toISOString() ?? null,
  disabled_reason: endpoint.disabledReason,
  last_success_date: endpoint.lastSuccessAt?.toISOString() ?? null,
});

async function caller(request: Request): Promise<{ key: ApiKeyCaller } | { response: Response }> {
  const flooded = floodRefusal("webhooksApi", request.headers, "json");
  if (flooded) return { response: flooded };
  const authenticated = await authenticateApiKey(request, "webhooks");
  return authenticated.ok ? { key: authenticated.key } : { response: authenticated.response };
}

/** GET /api/webhooks: every endpoint, newest first. */
export async function listWebhooksRequest(request: Request): Promise<Response> {
  const who = await caller(request);
  if ("response" in who) return who.response;
  const endpoints = await listWebhookEndpoints({ apiKey: who.key });
  await auditApiCall(who.key, request, { route: "/api/webhooks", rowCount: endpoints.length });
  return json({ endpoints: endpoints.map(shown) });
}

/** POST /api/webhooks: registers an endpoint; the answer holds its secret, once. */
export async function createWebhookRequest(request: Request): Promise<Response> {
  const who = await caller(request);
  if ("response" in who) return who.response;
  const audit = (rowCount: number) => auditApiCall(who.key, request, { route: "/api/webhooks", rowCount });
  const body = await readJsonBody(request);
  if (!body.ok) {
    await audit(0);
    return json({ error: body.message }, body.status);
  }
  const parsed = webhookEndpointSchema.safeParse(body.value);
  if (!parsed.success) {
    await audit(0);
    return json({ error: "The endpoint is not valid.", fieldErrors: fieldErrorsOf(parsed.error) }, 400);
  }
  const made = await registerWebhookEndpoint({ apiKey: who.key }, parsed.data);
  if (!made.ok) {
    await audit(0);
    return json({ error: "The endpoint is not valid.", fieldErrors: { url: [made.urlError] } }, 400);
  }
  await audit(1);
  return json({ ...shown(made.endpoint), secret: made.secret }, 201);
}

/** DELETE /api/webhooks/{id}: deletes an endpoint and its deliveries. */
export async function deleteWebhookRequest(request: Request, id: string): Promise<Response> {
  const who = await caller(request);
  if ("response" in who) return who.response;
  const parsed = webhookEndpointIdSchema.safeParse({ id });
  const isDeleted = parsed.success && (await deleteWebhookEndpoint({ apiKey: who.key }, parsed.data.id));
  await auditApiCall(who.key, request, { route: "/api/webhooks/{id}", rowCount: isDeleted ? 1 : 0 });
  return isDeleted
    ? new Response(null, { status: 204, headers: noStore })
    : json({ error: "There is no such endpoint." }, 404);
}

import {
  insertWebhookEndpoint,
  type WebhookEndpointSummary,
  type WebhookManager,
} from "@/db/queries/webhooks";
import { WEBHOOK_EVENT_TYPES } from "@/lib/domain/webhooks";
import { normaliseText } from "@/lib/validation/text";
import type { WebhookEndpointInput } from "@/lib/validation/webhooks";
import { guardOptions } from "./deliver";
import { newWebhookSecret } from "./sign";
import { checkWebhookUrl, WebhookUrlError } from "./ssrf";

export type RegisteredEndpoint =
  { ok: true; endpoint: WebhookEndpointSummary; secret: string } | { ok: false; urlError: string };

/**
 * Registers an endpoint: its address is resolved and refused when it leads to a private network
 * (checked again before every delivery), a secret is drawn, and the row is stored, audited. The
 * secret is returned here, once; lists never show it.
 */
export async function registerWebhookEndpoint(
  manager: WebhookManager,
  input: WebhookEndpointInput,
): Promise<RegisteredEndpoint> {
  const url = input.url.trim();
  try {
    await checkWebhookUrl(url, guardOptions());
  } catch (error) {
    if (error instanceof WebhookUrlError) return { ok: false, urlError: error.message };
    throw error;
  }
  const secret = newWebhookSecret();
  // Stored in the list's order, once each, whatever order they were chosen in.
  const events = WEBHOOK_EVENT_TYPES.filter((type) => input.events.includes(type));
  const endpoint = await insertWebhookEndpoint(manager, {
    url: new URL(url).toString(),
    description: normaliseText(input.description ?? ""),
    events,
    secret,
  });
  return { ok: true, endpoint, secret };
}

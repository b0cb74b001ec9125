import { createHmac, randomBytes } from "node:crypto";
import { WEBHOOK_SECRET_BYTES, WEBHOOK_SECRET_PREFIX } from "@/lib/domain/webhooks";

/** A new endpoint secret: `whsec_` and base64 of random bytes, as Standard Webhooks has it. */
export const newWebhookSecret = () =>
  `${WEBHOOK_SECRET_PREFIX}${randomBytes(WEBHOOK_SECRET_BYTES).toString("base64")}`;

/**
 * The `webhook-signature` header: `v1,` and base64 of HMAC-SHA256, keyed with the secret's
 * decoded bytes, over `id.timestamp.body` (Standard Webhooks, symmetric signatures).
 */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.slice(WEBHOOK_SECRET_PREFIX.length), "base64");
  const mac = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
  return `v1,${mac}`;
}

import {
  fixEventBody,
  markWebhookDelivered,
  markWebhookGivenUp,
  markWebhookRetry,
  type ClaimedDelivery,
} from "@/db/queries/webhook-deliveries";
import { jitteredDelaySeconds, webhookMessageId, webhookRetryDelaySeconds } from "@/lib/domain/webhooks";
import { env } from "@/lib/env";
import { siteUrl } from "@/lib/http/site-url";
import { webhookBody } from "./payload";
import { sendWebhook, type SendOutcome } from "./send";
import { signWebhook } from "./sign";
import { checkWebhookUrl, WebhookUrlError } from "./ssrf";

/** The guard's settings from the environment: https only in production, private addresses only when allowed. */
export const guardOptions = () => ({
  allowPrivate: env().WEBHOOKS_ALLOW_PRIVATE === "on",
  isProduction: env().NODE_ENV === "production",
});

const disabledMail = (url: string, reason: string) => ({
  subject: "A webhook endpoint was disabled",
  textBody:
    `Upstand stopped sending events to this webhook endpoint, because ${reason}:\n\n  ${url}\n\n` +
    `Events that happen from now on are not sent to it. Once the receiving system is fixed, an admin can ` +
    `enable it again in the staff console, under Webhooks (${new URL("/staff/webhooks", siteUrl()).toString()}).\n`,
});

/**
 * One attempt at one message: the body made once and stored, the address checked again and pinned,
 * a fresh timestamp and signature, one POST. A 2xx delivers it; a 410 gives it up and disables the
 * endpoint; anything else (another status, a timeout, no connection, an address now refused) is
 * tried again later with the same id and body, until the schedule runs out (about three days).
 */
export async function deliverWebhook(delivery: ClaimedDelivery): Promise<SendOutcome> {
  const body =
    delivery.body ??
    (await fixEventBody(
      delivery.eventId,
      webhookBody(
        {
          id: delivery.eventId,
          type: delivery.type,
          payload: delivery.payload,
          occurredAt: delivery.occurredAt,
        },
        siteUrl(),
      ),
    ));
  const id = webhookMessageId(delivery.id);
  let outcome: SendOutcome;
  try {
    const target = await checkWebhookUrl(delivery.url, guardOptions());
    const timestamp = Math.floor(Date.now() / 1000);
    outcome = await sendWebhook({
      target,
      body,
      headers: {
        "content-type": "application/json",
        "user-agent": "Upstand-Webhooks/1",
        "webhook-id": id,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": signWebhook(delivery.secret, id, timestamp, body),
      },
    });
  } catch (error) {
    if (!(error instanceof WebhookUrlError)) throw error;
    outcome = { kind: "failed", error: `address refused: ${error.message}` };
  }
  const status = outcome.kind === "answered" ? outcome.status : null;
  if (status !== null && status >= 200 && status < 300) {
    await markWebhookDelivered(delivery, status);
  } else if (status === 410) {
    await markWebhookGivenUp(delivery, status, "410 Gone", "gone", disabledMail);
  } else {
    const error = outcome.kind === "failed" ? outcome.error : `answered ${status}`;
    const delay = webhookRetryDelaySeconds(delivery.attempts);
    if (delay === null) await markWebhookGivenUp(delivery, status, error, "failing", disabledMail);
    else
      await markWebhookRetry(
        delivery,
        status,
        error,
        new Date(Date.now() + jitteredDelaySeconds(delay, Math.random()) * 1000),
      );
  }
  return outcome;
}

// Webhooks as the Standard Webhooks specification (https://www.standardwebhooks.com) describes
// them: the events an endpoint may choose, the secret's form, and the retry schedule. No I/O.

/**
 * What an endpoint may subscribe to. The database's trigger (migration 0021) writes these names;
 * adding one here needs a migration there too.
 */
export const WEBHOOK_EVENT_TYPES = [
  "signature.confirmed",
  "signature.withdrawn",
  "signature.rejected",
  "pledge.confirmed",
  "pledge.withdrawn",
  "person.erased",
  "commitment.activated",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent only by "Send test event", to the one endpoint asked for, whatever it subscribed to. */
export const WEBHOOK_TEST_EVENT = "webhook.test";

export const WEBHOOK_EVENT_WORDS: Record<WebhookEventType, string> = {
  "signature.confirmed": "A signature is confirmed (it counts)",
  "signature.withdrawn": "A signature is withdrawn",
  "signature.rejected": "A signature is rejected by staff",
  "pledge.confirmed": "A pledge is confirmed (it counts)",
  "pledge.withdrawn": "A pledge is withdrawn",
  "person.erased": "A person is erased (identifiers only)",
  "commitment.activated": "A pledge commitment reaches its threshold",
};

export const isWebhookEventType = (value: string): value is WebhookEventType =>
  (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);

/** The Standard Webhooks secret prefix; the rest is base64 of the key's bytes. */
export const WEBHOOK_SECRET_PREFIX = "whsec_";
/** 32 random bytes: above the specification's 24-byte minimum, the size of HMAC-SHA256's block-free key. */
export const WEBHOOK_SECRET_BYTES = 32;

/** Each attempt gets this long to answer (the specification suggests 15 seconds or less). */
export const WEBHOOK_TIMEOUT_MS = 15_000;

/**
 * The pause before each retry, in seconds, before jitter: 15 s times 3 to the power of the
 * attempt, capped at 12 hours. Fourteen attempts in all spread over about three days
 * (15 s, 45 s, 2¼ min, 6¾ min, 20 min, 1 h, 3 h, 9 h, then 12 h six times: 73.7 hours).
 */
export const WEBHOOK_MAX_ATTEMPTS = 14;
const BASE_SECONDS = 15;
const FACTOR = 3;
const CAP_SECONDS = 12 * 3600;
/** ± this share of each pause, at random, so that many failed messages do not retry in step. */
export const WEBHOOK_JITTER = 0.2;

/** The pause after failed attempt number `attempt` (1-based), before jitter; null when none is left. */
export function webhookRetryDelaySeconds(attempt: number): number | null {
  if (attempt >= WEBHOOK_MAX_ATTEMPTS) return null;
  return Math.min(BASE_SECONDS * FACTOR ** (attempt - 1), CAP_SECONDS);
}

/** The pause with jitter: `random` is a number in [0, 1), Math.random in the app. */
export function jitteredDelaySeconds(seconds: number, random: number): number {
  return seconds * (1 - WEBHOOK_JITTER + 2 * WEBHOOK_JITTER * random);
}

/** `webhook-id`: the delivery's row id, stable across its retries. */
export const webhookMessageId = (deliveryId: string) => `msg_${deliveryId}`;

/** Why an endpoint was disabled, as stored (the console words each). */
export const WEBHOOK_DISABLED_REASONS = ["gone", "failing"] as const;
export type WebhookDisabledReason = (typeof WEBHOOK_DISABLED_REASONS)[number];

export const WEBHOOK_DISABLED_WORDS: Record<WebhookDisabledReason, string> = {
  gone: "the endpoint answered 410 Gone",
  failing: "every attempt failed for about three days",
};

export const MAX_WEBHOOK_URL_LENGTH = 2000;
export const MAX_WEBHOOK_DESCRIPTION_LENGTH = 200;

/** How long a sent event (its body holds personal data) is kept for the console and replays. */
export const WEBHOOK_RETENTION_DAYS = 30;

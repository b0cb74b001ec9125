import "server-only";
import { and, desc, eq, isNotNull, isNull, or, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import { auditLog, webhookDeliveries, webhookEndpoints, webhookEvents } from "@/db/schema";
import { assertRole, type StaffCaller } from "@/lib/domain/roles";
import { WEBHOOK_TEST_EVENT, type WebhookDisabledReason, type WebhookEventType } from "@/lib/domain/webhooks";
import { apiKeyActor } from "./api-keys";

/** Who manages endpoints: an admin in the console, or a key with the `webhooks` scope. */
export type WebhookManager =
  { staff: StaffCaller } | { apiKey: { id: string; prefix: string; name: string } };

function actorOf(manager: WebhookManager): { id: string | null; email: string } {
  if ("staff" in manager) {
    assertRole(manager.staff, "admin");
    return { id: manager.staff.id, email: manager.staff.email };
  }
  return { id: null, email: apiKeyActor(manager.apiKey) };
}

async function audit(
  tx: Db,
  actor: { id: string | null; email: string },
  action: "webhook.create" | "webhook.delete" | "webhook.enable" | "webhook.test" | "webhook.replay",
  subjectId: string,
  details: Record<string, unknown>,
) {
  await tx.insert(auditLog).values({
    actorId: actor.id,
    actorEmail: actor.email,
    action,
    subjectType: "webhook-endpoint",
    subjectId,
    details,
  });
}

/** What a list of endpoints shows: never the secret. */
export interface WebhookEndpointSummary {
  id: string;
  url: string;
  description: string;
  events: WebhookEventType[];
  createdBy: string;
  createdAt: Date;
  disabledAt: Date | null;
  disabledReason: WebhookDisabledReason | null;
  lastSuccessAt: Date | null;
}

const SUMMARY = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  description: webhookEndpoints.description,
  events: webhookEndpoints.events,
  createdBy: webhookEndpoints.createdBy,
  createdAt: webhookEndpoints.createdAt,
  disabledAt: webhookEndpoints.disabledAt,
  disabledReason: webhookEndpoints.disabledReason,
  lastSuccessAt: webhookEndpoints.lastSuccessAt,
};

/** Stores a new endpoint with its secret, audited (the secret is not in the log). */
export async function insertWebhookEndpoint(
  manager: WebhookManager,
  endpoint: { url: string; description: string; events: WebhookEventType[]; secret: string },
): Promise<WebhookEndpointSummary> {
  const actor = actorOf(manager);
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({ ...endpoint, createdById: actor.id, createdBy: actor.email })
      .returning(SUMMARY);
    await audit(tx, actor, "webhook.create", row!.id, {
      url: endpoint.url,
      events: endpoint.events,
    });
    return row!;
  });
}

/** Every endpoint, newest first. */
export async function listWebhookEndpoints(manager: WebhookManager): Promise<WebhookEndpointSummary[]> {
  actorOf(manager);
  return getDb()
    .select(SUMMARY)
    .from(webhookEndpoints)
    .orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id));
}

/** Deletes an endpoint and its deliveries, audited; false when there is no such endpoint. */
export async function deleteWebhookEndpoint(manager: WebhookManager, id: string): Promise<boolean> {
  const actor = actorOf(manager);
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .delete(webhookEndpoints)
      .where(eq(webhookEndpoints.id, id))
      .returning({ url: webhookEndpoints.url });
    if (!row) return false;
    await audit(tx, actor, "webhook.delete", id, { url: row.url });
    return true;
  });
}

/** Enables a disabled endpoint again, audited: its waiting deliveries go out from now on. */
export async function enableWebhookEndpoint(manager: WebhookManager, id: string): Promise<boolean> {
  const actor = actorOf(manager);
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(webhookEndpoints)
      .set({ disabledAt: null, disabledReason: null })
      .where(and(eq(webhookEndpoints.id, id), isNotNull(webhookEndpoints.disabledAt)))
      .returning({ url: webhookEndpoints.url });
    if (!row) return false;
    await tx
      .update(webhookDeliveries)
      .set({ nextAttemptAt: sql`now()` })
      .where(
        and(
          eq(webhookDeliveries.endpointId, id),
          isNull(webhookDeliveries.deliveredAt),
          isNull(webhookDeliveries.failedAt),
        ),
      );
    await audit(tx, actor, "webhook.enable", id, { url: row.url });
    return true;
  });
}

export interface WebhookDeliverySummary {
  id: string;
  endpointId: string;
  type: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date;
  /** Set while an instance is sending it. */
  isSending: boolean;
  deliveredAt: Date | null;
  failedAt: Date | null;
  createdAt: Date;
}

/** An endpoint's newest deliveries. */
export async function listWebhookDeliveries(
  manager: WebhookManager,
  endpointId: string,
  limit = 20,
): Promise<WebhookDeliverySummary[]> {
  actorOf(manager);
  return getDb()
    .select({
      id: webhookDeliveries.id,
      endpointId: webhookDeliveries.endpointId,
      type: webhookEvents.type,
      attempts: webhookDeliveries.attempts,
      lastStatus: webhookDeliveries.lastStatus,
      lastError: webhookDeliveries.lastError,
      lastAttemptAt: webhookDeliveries.lastAttemptAt,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      isSending: sql<boolean>`coalesce(${webhookDeliveries.lockedUntil} > now(), false)`,
      deliveredAt: webhookDeliveries.deliveredAt,
      failedAt: webhookDeliveries.failedAt,
      createdAt: webhookDeliveries.createdAt,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit);
}

/** Queues a `webhook.test` event for one endpoint, enabled or not asked; null when there is no such endpoint. */
export async function insertTestDelivery(
  manager: WebhookManager,
  endpointId: string,
): Promise<string | null> {
  const actor = actorOf(manager);
  return getDb().transaction(async (tx) => {
    const [endpoint] = await tx
      .select({ id: webhookEndpoints.id })
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.id, endpointId));
    if (!endpoint) return null;
    const eventId = crypto.randomUUID();
    await tx.insert(webhookEvents).values({
      id: eventId,
      type: WEBHOOK_TEST_EVENT,
      dedupeKey: `${WEBHOOK_TEST_EVENT}:${eventId}`,
      payload: { endpoint: endpointId, message: "A test event sent from Upstand's staff console." },
    });
    const [delivery] = await tx
      .insert(webhookDeliveries)
      .values({ eventId, endpointId })
      .returning({ id: webhookDeliveries.id });
    await audit(tx, actor, "webhook.test", endpointId, { delivery: delivery!.id });
    return delivery!.id;
  });
}

/**
 * Sends a delivered or failed message again: the same message (same `webhook-id`, same body, a
 * new timestamp and signature), since Standard Webhooks has a message keep its id whenever it is
 * sent again; a receiver that already processed it may drop it. Its attempts start over. Null
 * when there is no such delivery, or it is still being tried.
 */
export async function replayDelivery(
  manager: WebhookManager,
  deliveryId: string,
): Promise<{ endpointId: string } | null> {
  const actor = actorOf(manager);
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(webhookDeliveries)
      .set({ attempts: 0, nextAttemptAt: sql`now()`, deliveredAt: null, failedAt: null, lockedUntil: null })
      .where(
        and(
          eq(webhookDeliveries.id, deliveryId),
          or(isNotNull(webhookDeliveries.deliveredAt), isNotNull(webhookDeliveries.failedAt)),
        ),
      )
      .returning({ endpointId: webhookDeliveries.endpointId });
    if (!row) return null;
    await audit(tx, actor, "webhook.replay", row.endpointId, { delivery: deliveryId });
    return row;
  });
}

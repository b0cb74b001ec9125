import "server-only";
import { and, desc, eq, isNotNull, isNull, or, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import {
  auditLog,
  outboxMessages,
  users,
  webhookDeliveries,
  webhookEndpoints,
  webhookEvents,
} from "@/db/schema";
import { assertRole, type StaffCaller } from "@/lib/domain/roles";
import {
  WEBHOOK_DISABLED_WORDS,
  WEBHOOK_TEST_EVENT,
  WEBHOOK_TIMEOUT_MS,
  type WebhookDisabledReason,
  type WebhookEventType,
} from "@/lib/domain/webhooks";
import { apiKeyActor } from "./api-keys";
import { insertSystemAuditEntry } from "./audit";

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

// Longer than an attempt may take, so that a live sender's lease never runs out under it; an
// instance that died mid-delivery leaves its messages to be sent again (same id) once it has.
const LEASE_SECONDS = WEBHOOK_TIMEOUT_MS / 1000 + 15;

export interface ClaimedDelivery {
  id: string;
  attempts: number;
  createdAt: Date;
  endpointId: string;
  url: string;
  secret: string;
  eventId: string;
  type: string;
  payload: Record<string, unknown>;
  body: string | null;
  occurredAt: Date;
}

/** Takes up to `limit` due messages to enabled endpoints for this worker, leasing each. */
export async function claimWebhookDeliveries(limit: number): Promise<ClaimedDelivery[]> {
  const result = await getDb().execute<{
    id: string;
    attempts: number;
    created_at: string | Date;
    endpoint_id: string;
    url: string;
    secret: string;
    event_id: string;
    type: string;
    payload: Record<string, unknown>;
    body: string | null;
    occurred_at: string | Date;
  }>(sql`
    with claimed as (
      update ${webhookDeliveries}
      set locked_until = now() + make_interval(secs => ${LEASE_SECONDS}), attempts = attempts + 1, last_attempt_at = now()
      where id in (
        select d.id from ${webhookDeliveries} d join ${webhookEndpoints} e on e.id = d.endpoint_id
        where d.delivered_at is null and d.failed_at is null and d.next_attempt_at <= now()
          and (d.locked_until is null or d.locked_until < now()) and e.disabled_at is null
        order by d.next_attempt_at
        limit ${limit}
        for update of d skip locked
      )
      returning id, attempts, created_at, endpoint_id, event_id
    )
    select c.id, c.attempts, c.created_at, c.endpoint_id, e.url, e.secret, c.event_id, v.type, v.payload, v.body, v.occurred_at
    from claimed c join ${webhookEndpoints} e on e.id = c.endpoint_id join ${webhookEvents} v on v.id = c.event_id`);
  return result.rows.map((row) => ({
    id: row.id,
    attempts: row.attempts,
    createdAt: new Date(row.created_at),
    endpointId: row.endpoint_id,
    url: row.url,
    secret: row.secret,
    eventId: row.event_id,
    type: row.type,
    payload: row.payload,
    body: row.body,
    occurredAt: new Date(row.occurred_at),
  }));
}

/** Stores an event's body the first time it is made; returns the one stored, so every send is the same. */
export async function fixEventBody(eventId: string, body: string): Promise<string> {
  await getDb()
    .update(webhookEvents)
    .set({ body })
    .where(and(eq(webhookEvents.id, eventId), isNull(webhookEvents.body)));
  const [row] = await getDb()
    .select({ body: webhookEvents.body })
    .from(webhookEvents)
    .where(eq(webhookEvents.id, eventId));
  return row!.body!;
}

export async function markWebhookDelivered(delivery: ClaimedDelivery, status: number): Promise<void> {
  await getDb().transaction(async (tx) => {
    await tx
      .update(webhookDeliveries)
      .set({ deliveredAt: sql`now()`, lastStatus: status, lastError: null, lockedUntil: null })
      .where(eq(webhookDeliveries.id, delivery.id));
    await tx
      .update(webhookEndpoints)
      .set({ lastSuccessAt: sql`now()` })
      .where(eq(webhookEndpoints.id, delivery.endpointId));
  });
}

export async function markWebhookRetry(
  delivery: ClaimedDelivery,
  status: number | null,
  error: string,
  retryAt: Date,
): Promise<void> {
  await getDb()
    .update(webhookDeliveries)
    .set({ lastStatus: status, lastError: error.slice(0, 300), nextAttemptAt: retryAt, lockedUntil: null })
    .where(eq(webhookDeliveries.id, delivery.id));
}

/**
 * Gives a message up. With `disable`, the endpoint is disabled too (unless it already is), the
 * admins are emailed through the outbox and the log says why, all in one transaction. Returns
 * whether this call disabled it.
 */
export async function markWebhookGivenUp(
  delivery: ClaimedDelivery,
  status: number | null,
  error: string,
  disable: WebhookDisabledReason | null,
  mail: (url: string, reason: string) => { subject: string; textBody: string },
): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    await tx
      .update(webhookDeliveries)
      .set({ failedAt: sql`now()`, lastStatus: status, lastError: error.slice(0, 300), lockedUntil: null })
      .where(eq(webhookDeliveries.id, delivery.id));
    if (!disable) return false;
    // A long run of failures disables only an endpoint that has not answered since this message
    // was written; one that answers other messages is kept.
    const [endpoint] = await tx
      .update(webhookEndpoints)
      .set({ disabledAt: sql`now()`, disabledReason: disable })
      .where(
        and(
          eq(webhookEndpoints.id, delivery.endpointId),
          isNull(webhookEndpoints.disabledAt),
          disable === "failing"
            ? or(
                isNull(webhookEndpoints.lastSuccessAt),
                sql`${webhookEndpoints.lastSuccessAt} < ${delivery.createdAt}`,
              )
            : undefined,
        ),
      )
      .returning({ url: webhookEndpoints.url, disabledAt: webhookEndpoints.disabledAt });
    if (!endpoint) return false;
    await insertSystemAuditEntry(
      {
        action: "webhook.disable",
        subjectType: "webhook-endpoint",
        subjectId: delivery.endpointId,
        details: { url: endpoint.url, reason: disable, status },
      },
      tx,
    );
    const admins = await tx
      .select({ email: users.email })
      .from(users)
      .where(and(eq(users.role, "admin"), isNull(users.disabledAt)));
    const words = mail(endpoint.url, WEBHOOK_DISABLED_WORDS[disable]);
    for (const admin of admins) {
      await tx
        .insert(outboxMessages)
        .values({
          dedupeKey: `webhook-disabled:${delivery.endpointId}:${endpoint.disabledAt!.toISOString()}:${admin.email}`,
          recipient: admin.email,
          template: "webhook-disabled",
          ...words,
        })
        .onConflictDoNothing();
    }
    return true;
  });
}

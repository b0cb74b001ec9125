import "server-only";
import { and, eq, isNull, or, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { outboxMessages, users, webhookDeliveries, webhookEndpoints, webhookEvents } from "@/db/schema";
import {
  WEBHOOK_DISABLED_WORDS,
  WEBHOOK_TIMEOUT_MS,
  type WebhookDisabledReason,
} from "@/lib/domain/webhooks";
import { insertSystemAuditEntry } from "./audit";

// The webhook worker's side of the outbox (lib/jobs/webhook-worker.ts): claiming due messages,
// fixing an event's body once, and recording what became of each attempt. What staff and keys
// do with endpoints is in ./webhooks.ts.

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

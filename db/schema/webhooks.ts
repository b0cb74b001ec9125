import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import {
  WEBHOOK_EVENT_TYPES,
  type WebhookDisabledReason,
  type WebhookEventType,
} from "../../lib/domain/webhooks";
import { createdAt, id, updatedAt } from "./columns";
import { users } from "./users";

const EVENT_LIST = sql.raw(`array[${WEBHOOK_EVENT_TYPES.map((type) => `'${type}'`).join(", ")}]::text[]`);

/**
 * Where staff asked Upstand to POST events (Standard Webhooks). The secret signs every delivery,
 * so it is kept as it is (a hash would not sign): it is shown once, when the endpoint is made.
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: id(),
    url: text("url").notNull(),
    description: text("description").notNull().default(""),
    events: text("events").array().$type<WebhookEventType[]>().notNull(),
    /** `whsec_` and base64 of 32 random bytes. */
    secret: text("secret").notNull(),
    // No cascade: staff who have acted are disabled, never deleted.
    createdById: text("created_by_id").references(() => users.id),
    /** The member's email, or "API key upk_… (name)". */
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Set when it answered 410 or failed for days; cleared by "Enable again". */
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    disabledReason: text("disabled_reason").$type<WebhookDisabledReason>(),
    lastSuccessAt: timestamp("last_success_at", { withTimezone: true }),
  },
  (t) => [
    check(
      "webhook_endpoints_events_known",
      sql`cardinality(${t.events}) > 0 and ${t.events} <@ ${EVENT_LIST}`,
    ),
    check("webhook_endpoints_secret_shape", sql`${t.secret} ~ '^whsec_[A-Za-z0-9+/]{32,}={0,2}$'`),
  ],
);

/**
 * One thing that happened, written by a trigger in the transaction that made it happen
 * (migration 0021), with a snapshot of what it is about. `body` is the JSON sent, made once from
 * the snapshot before the first attempt and sent byte for byte on every retry and replay.
 */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: id(),
    type: text("type").notNull(),
    /** `type:subject:transaction`: one erasure that touches a person's signatures and pledges is one event. */
    dedupeKey: text("dedupe_key").notNull().unique(),
    /** The signature, pledge taker or commitment it is about: an erasure deletes the events about a row. */
    subjectId: uuid("subject_id"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    body: text("body"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("webhook_events_subject").on(t.subjectId)],
);

/**
 * One event for one endpoint: a message, whose id is its `webhook-id` (`msg_<id>`) on every
 * attempt. At least once: a message whose instance died while sending it is sent again, with the
 * same id, once its lease runs out; receivers drop what they have seen.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: id(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => webhookEvents.id, { onDelete: "cascade" }),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    /** The HTTP status of the last attempt; null when it timed out or never connected. */
    lastStatus: integer("last_status"),
    lastError: text("last_error"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    /** Given up: every attempt failed, or the endpoint answered 410. */
    failedAt: timestamp("failed_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique("webhook_deliveries_event_endpoint").on(t.eventId, t.endpointId),
    index("webhook_deliveries_due")
      .on(t.nextAttemptAt)
      .where(sql`${t.deliveredAt} is null and ${t.failedAt} is null`),
    index("webhook_deliveries_endpoint_created").on(t.endpointId, t.createdAt),
  ],
);

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;

import { bigserial, index, inet, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * Every staff read of personal data, every export and every change. Append-only: the app's
 * database role is granted INSERT and SELECT on it, never UPDATE or DELETE.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    // No cascade: staff who have acted are disabled, never deleted, so the log keeps its actors.
    actorId: text("actor_id").references(() => users.id),
    actorEmail: text("actor_email"),
    action: text("action").notNull(),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    rowCount: integer("row_count"),
    ipAddress: inet("ip_address"),
  },
  (t) => [
    index("audit_log_at").on(t.at),
    index("audit_log_actor_at").on(t.actorId, t.at),
    // A signature's page shows its moderation history: every entry about it, newest first.
    index("audit_log_subject_at").on(t.subjectId, t.at),
  ],
);

export type AuditEntry = typeof auditLog.$inferSelect;

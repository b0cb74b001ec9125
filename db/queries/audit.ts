import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import { auditLog } from "@/db/schema";
import { assertRole, type StaffCaller } from "@/lib/auth/roles";

export interface AuditEntryInput {
  action: string;
  subjectType?: string;
  subjectId?: string;
  details?: Record<string, unknown>;
  rowCount?: number;
}

/**
 * Adds one line to the append-only audit log: who did what, to what, with which filters, to how
 * many rows. Pass the transaction that makes the change, so that the two stand or fall together.
 */
export async function insertAuditEntry(caller: StaffCaller, entry: AuditEntryInput, db: Db = getDb()): Promise<void> {
  await db.insert(auditLog).values({ actorId: caller.id, actorEmail: caller.email, ...entry });
}

export interface AuditHistoryEntry {
  at: Date;
  actorEmail: string | null;
  action: string;
  details: Record<string, unknown>;
}

/** The entries of these kinds about one subject (a signature, a pledge taker), newest first. */
export async function listAuditHistory(caller: StaffCaller, subjectId: string, actions: string[], limit = 50): Promise<AuditHistoryEntry[]> {
  assertRole(caller, "editor");
  return getDb()
    .select({ at: auditLog.at, actorEmail: auditLog.actorEmail, action: auditLog.action, details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.subjectId, subjectId), inArray(auditLog.action, actions)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}

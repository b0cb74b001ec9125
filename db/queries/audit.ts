import "server-only";
import { getDb, type Db } from "@/db";
import { auditLog } from "@/db/schema";
import type { StaffCaller } from "@/lib/auth/roles";

/**
 * Adds one line to the append-only audit log: who did what, to what, with which filters, to how
 * many rows. Pass the transaction that makes the change, so that the change and its line are
 * written together or not at all.
 */
export async function insertAuditEntry(
  caller: StaffCaller,
  entry: { action: string; subjectType?: string; subjectId?: string; details?: Record<string, unknown>; rowCount?: number },
  executor: Db = getDb(),
): Promise<void> {
  await executor.insert(auditLog).values({ actorId: caller.id, actorEmail: caller.email, ...entry });
}

import "server-only";
import { getDb } from "@/db";
import { auditLog } from "@/db/schema";
import type { StaffCaller } from "@/lib/auth/roles";

/** Adds one line to the append-only audit log: who did what, to what, with which filters, to how many rows. */
export async function insertAuditEntry(
  caller: StaffCaller,
  entry: { action: string; subjectType?: string; subjectId?: string; details?: Record<string, unknown>; rowCount?: number },
): Promise<void> {
  await getDb().insert(auditLog).values({ actorId: caller.id, actorEmail: caller.email, ...entry });
}

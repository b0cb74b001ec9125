import "server-only";
import { and, desc, eq, gte, ilike, inArray, lt, sql, type SQL } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import { auditLog } from "@/db/schema";
import { assertRole, type StaffCaller } from "@/lib/domain/roles";

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
export async function insertAuditEntry(
  caller: StaffCaller,
  entry: AuditEntryInput,
  db: Db = getDb(),
): Promise<void> {
  await db.insert(auditLog).values({ actorId: caller.id, actorEmail: caller.email, ...entry });
}

/** The actor named in the log for what the app does by itself, on a schedule. */
const SYSTEM_ACTOR = "automatic";

/** Adds a line for something the app did by itself (no member of staff acted). */
export async function insertSystemAuditEntry(entry: AuditEntryInput, db: Db = getDb()): Promise<void> {
  await insertAuditEntryBy(SYSTEM_ACTOR, entry, db);
}

/** Adds a line for an actor who is not a member of staff, named by `actor` (never a person's details). */
export async function insertAuditEntryBy(
  actor: string,
  entry: AuditEntryInput,
  db: Db = getDb(),
): Promise<void> {
  await db.insert(auditLog).values({ actorId: null, actorEmail: actor, ...entry });
}

export interface AuditHistoryEntry {
  at: Date;
  actorEmail: string | null;
  action: string;
  details: Record<string, unknown>;
}

/** The entries of these kinds about one subject (a signature, a pledge taker), newest first. */
export async function listAuditHistory(
  caller: StaffCaller,
  subjectId: string,
  actions: string[],
  limit = 50,
): Promise<AuditHistoryEntry[]> {
  assertRole(caller, "editor");
  return getDb()
    .select({
      at: auditLog.at,
      actorEmail: auditLog.actorEmail,
      action: auditLog.action,
      details: auditLog.details,
    })
    .from(auditLog)
    .where(and(eq(auditLog.subjectId, subjectId), inArray(auditLog.action, actions)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}

export interface AuditLine {
  id: number;
  at: Date;
  actorEmail: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  details: Record<string, unknown>;
  rowCount: number | null;
  /** Where the request came from, on sign-ins, failed sign-ins and sign-outs. */
  ipAddress: string | null;
}

export const AUDIT_PAGE_SIZE = 50;

/** What the audit log page filters by, as lib/validation/audit.ts reads it from the address. */
export interface AuditFilters {
  /** Part of the actor's email address. */
  actor?: string;
  action?: string;
  subject?: string;
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  /** YYYY-MM-DD, inclusive. */
  to?: string;
  /** The id the previous page ended at. */
  before?: number;
}

/**
 * A page of the audit log, newest first, for admins: it says who read and exported whose data.
 * `before` is the id the previous page ended at (the log only grows, so ids order it).
 */
export async function listAuditEntries(
  caller: StaffCaller,
  filters: AuditFilters,
): Promise<{ lines: AuditLine[]; nextBefore: number | null }> {
  assertRole(caller, "admin");
  const conditions: (SQL | undefined)[] = [
    filters.actor ? ilike(auditLog.actorEmail, `%${escapeLike(filters.actor)}%`) : undefined,
    filters.action ? eq(auditLog.action, filters.action) : undefined,
    filters.subject ? eq(auditLog.subjectId, filters.subject) : undefined,
    filters.from ? gte(auditLog.at, sql`${filters.from}::date`) : undefined,
    filters.to ? lt(auditLog.at, sql`${filters.to}::date + 1`) : undefined,
    filters.before ? lt(auditLog.id, filters.before) : undefined,
  ];
  const rows = await getDb()
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorEmail: auditLog.actorEmail,
      action: auditLog.action,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      details: auditLog.details,
      rowCount: auditLog.rowCount,
      ipAddress: auditLog.ipAddress,
    })
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1);
  const lines = rows.slice(0, AUDIT_PAGE_SIZE);
  return { lines, nextBefore: rows.length > AUDIT_PAGE_SIZE ? lines.at(-1)!.id : null };
}

/** The kinds of entry the log holds so far, for the filter's choices. */
export async function listAuditActions(caller: StaffCaller): Promise<string[]> {
  assertRole(caller, "admin");
  const rows = await getDb()
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .orderBy(auditLog.action);
  return rows.map((row) => row.action);
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

import "server-only";
import { and, desc, eq, gte, ilike, inArray, lt, sql, type SQL } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import { auditLog, impactFigures, petitions, pledgeCommitments, pledges, users } from "@/db/schema";
import { auditSubjectKindOf, type AuditSubject, type AuditSubjectKind } from "@/lib/domain/audit-subjects";
import { STAFF_LOCALE } from "@/lib/domain/format";
import { formatFigureValue } from "@/lib/domain/impact-figure";
import { SUPPORT_KINDS } from "./support-kinds";
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
  /** What the subject id names, in words; null when there is none or it no longer exists. */
  subject: AuditSubject | null;
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
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const refs = page.map((row) => subjectRefOf(row.action, row.subjectType, row.subjectId));
  const subjects = await listAuditSubjects(refs.filter((ref) => ref !== null));
  const lines = page.map((row, i) => {
    const ref = refs[i];
    return { ...row, subject: (ref && subjects.get(`${ref.kind}:${ref.id}`)) ?? null };
  });
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

interface SubjectRef {
  kind: AuditSubjectKind;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The words that name a page of entries' subjects, keyed "kind:id": one query per kind of subject
 * on the page, never one per entry. A supporter is named by first name and last initial, never by
 * email, and an erased one not at all. Ids that cannot be a row's (not a uuid) are not looked up.
 */
async function listAuditSubjects(refs: SubjectRef[]): Promise<Map<string, AuditSubject>> {
  const idsOf = (...kinds: AuditSubjectKind[]) => [
    ...new Set(refs.filter((ref) => kinds.includes(ref.kind)).map((ref) => ref.id)),
  ];
  const uuidsOf = (...kinds: AuditSubjectKind[]) => idsOf(...kinds).filter((id) => UUID.test(id));
  const when = <T>(ids: string[], read: (ids: string[]) => Promise<T[]>) =>
    ids.length ? read(ids) : Promise.resolve([]);
  const db = getDb();
  const supporters = (kind: "signature" | "pledge-taker") => {
    const { table, parentTable } = SUPPORT_KINDS[kind === "signature" ? "petition" : "pledge"];
    const parentId = "petitionId" in table ? table.petitionId : table.pledgeId;
    return when(uuidsOf(kind), (ids) =>
      db
        .select({
          id: table.id,
          // An erased supporter is named by nothing of theirs, whatever erasure left behind.
          firstName: sql<string | null>`case when ${table.erasedAt} is null then ${table.firstName} end`,
          lastInitial: sql<
            string | null
          >`case when ${table.erasedAt} is null then left(${table.lastName}, 1) end`,
          isErased: sql<boolean>`${table.erasedAt} is not null`,
          parentTitle: parentTable.title,
        })
        .from(table)
        .innerJoin(parentTable, eq(parentTable.id, parentId))
        .where(inArray(table.id, ids))
        .then((rows) => rows.map((row) => ({ kind, ...row }) satisfies AuditSubject)),
    );
  };
  const parents = (kind: "petition" | "pledge") => {
    const table = kind === "petition" ? petitions : pledges;
    return when(uuidsOf(kind), (ids) =>
      db
        .select({ id: table.id, title: table.title, slug: table.slug })
        .from(table)
        .where(inArray(table.id, ids))
        .then((rows) => rows.map((row) => ({ kind, ...row }) satisfies AuditSubject)),
    );
  };
  const found = await Promise.all([
    supporters("signature"),
    supporters("pledge-taker"),
    parents("petition"),
    parents("pledge"),
    when(uuidsOf("figure"), (ids) =>
      db
        .select({
          id: impactFigures.id,
          slug: impactFigures.slug,
          value: impactFigures.value,
          isLowerBound: impactFigures.isLowerBound,
          notation: impactFigures.notation,
          counts: impactFigures.counts,
        })
        .from(impactFigures)
        .where(inArray(impactFigures.id, ids))
        .then((rows) =>
          rows.map(
            (row) =>
              ({
                kind: "figure",
                id: row.id,
                slug: row.slug,
                label: `${formatFigureValue(row, STAFF_LOCALE)} ${row.counts}`,
              }) satisfies AuditSubject,
          ),
        ),
    ),
    when(uuidsOf("commitment"), (ids) =>
      db
        .select({
          id: pledgeCommitments.id,
          title: pledgeCommitments.title,
          pledgeTitle: pledges.title,
          pledgeSlug: pledges.slug,
        })
        .from(pledgeCommitments)
        .innerJoin(pledges, eq(pledges.id, pledgeCommitments.pledgeId))
        .where(inArray(pledgeCommitments.id, ids))
        .then((rows) => rows.map((row) => ({ kind: "commitment", ...row }) satisfies AuditSubject)),
    ),
    when(idsOf("staff"), (ids) =>
      db
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(inArray(users.id, ids))
        .then((rows) => rows.map((row) => ({ kind: "staff", ...row }) satisfies AuditSubject)),
    ),
  ]);
  return new Map(found.flat().map((subject: AuditSubject) => [`${subject.kind}:${subject.id}`, subject]));
}

function subjectRefOf(
  action: string,
  subjectType: string | null,
  subjectId: string | null,
): SubjectRef | null {
  const kind = auditSubjectKindOf(action, subjectType);
  return kind && subjectId ? { kind, id: subjectId } : null;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

import "server-only";
import { and, eq, inArray, isNotNull, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import type { SupportState } from "@/db/schema";
import { assertRole, type StaffCaller } from "@/lib/domain/roles";
import { insertAuditEntry } from "./audit";
import { countMovedCte } from "./counts";
import { eraseSupporters } from "./erasure";
import { bulkRuleCondition, type BulkRule } from "./moderation";
import { SUPPORT_KINDS, type SupportKind } from "./supporters";

/** The audit actions that change a supporter: a supporter's page lists them as its history. */
export const SUPPORTER_CHANGES = [
  "supporter.reject",
  "supporter.restore",
  "supporter.erase",
  "comment.keep",
  "comment.remove",
];

interface Moved {
  /** Rows the condition selected, once each was locked. */
  matched: number;
  /** Rows changed, by the state they left and the one they entered. */
  moves: { from: SupportState; to: SupportState; n: number }[];
}

/**
 * Sets the rows `where` selects, and moves them in every count they are in, in one statement.
 * The rows are locked first, and the condition is checked again on each one's latest version,
 * so two editors pressing Reject on one row at once change it, and its counts, once; the other
 * finds nothing to change. With `expected`, nothing changes unless exactly that many matched.
 */
export async function moveSupporters(
  tx: Db,
  kind: SupportKind,
  where: SQL,
  set: SQL,
  expected?: number,
): Promise<Moved> {
  const { table, parentColumn } = SUPPORT_KINDS[kind];
  const result = await tx.execute<{ matched: number; moves: Moved["moves"] | null }>(sql`
    with target as (
      select id, state, ${sql.identifier(parentColumn)} as parent_id from ${table} where ${where}
      order by id
      for update
    ), matched as (
      select count(*)::int as n from target
    ), changed as (
      update ${table} set ${set} from target, matched
      where ${table}.id = target.id ${expected === undefined ? sql`` : sql`and matched.n = ${expected}`}
      returning ${table}.id, target.parent_id, target.state as from_state, ${table}.state as to_state
    ), ${countMovedCte("counted", "changed", kind)}
    select (select n from matched) as "matched",
      (select json_agg(json_build_object('from', from_state, 'to', to_state, 'n', n))
        from (select from_state, to_state, count(*)::int as n from changed group by from_state, to_state) as moves) as "moves"
  `);
  const [row] = result.rows;
  return { matched: row?.matched ?? 0, moves: row?.moves ?? [] };
}

export type SupporterChange = "reject" | "restore";

export type ChangeOutcome =
  | { result: "done"; to: SupportState; slug: string }
  | { result: "not-found" }
  | { result: "not-allowed"; state: SupportState; wasTurnedAway: boolean };

/**
 * Rejects a pending, verified or held supporter, or restores a rejected one to the state it had
 * (verified if it had been confirmed, else pending), with the reason, in its counts and in the
 * audit log, in one transaction. A supporter turned away at signing (by the per-IP limit) was
 * never sent a confirmation link, so restoring could never make it count: that is refused.
 */
export async function changeSupporterState(
  caller: StaffCaller,
  kind: SupportKind,
  id: string,
  change: SupporterChange,
  reason: string,
): Promise<ChangeOutcome> {
  assertRole(caller, "editor");
  const { table, parentTable } = SUPPORT_KINDS[kind];
  const parentId =
    kind === "petition" ? SUPPORT_KINDS.petition.table.petitionId : SUPPORT_KINDS.pledge.table.pledgeId;
  return getDb().transaction(async (tx) => {
    const { moves } =
      change === "reject"
        ? await moveSupporters(
            tx,
            kind,
            and(eq(table.id, id), inArray(table.state, ["pending", "verified", "held"]))!,
            sql`state = 'rejected', rejection_reason = ${reason}, rejection_category = 'review', rejected_at = now(), held_at = null`,
          )
        : await moveSupporters(
            tx,
            kind,
            and(
              eq(table.id, id),
              eq(table.state, "rejected"),
              or(isNotNull(table.emailCanonical), isNotNull(table.erasedAt)),
            )!,
            sql`state = (case when verified_at is not null then 'verified' else 'pending' end)::support_state,
              rejection_reason = null, rejection_category = null, rejected_at = null`,
          );
    const [row] = await tx
      .select({
        state: table.state,
        slug: parentTable.slug,
        wasTurnedAway: sql<boolean>`${table.emailCanonical} is null and ${table.erasedAt} is null`,
      })
      .from(table)
      .innerJoin(parentTable, eq(parentTable.id, parentId))
      .where(eq(table.id, id));
    if (!row) return { result: "not-found" };
    const [move] = moves;
    if (!move) return { result: "not-allowed", state: row.state, wasTurnedAway: row.wasTurnedAway };
    await insertAuditEntry(
      caller,
      {
        action: `supporter.${change}`,
        subjectType: kind,
        subjectId: id,
        details: { reason, from: move.from, to: move.to },
        rowCount: 1,
      },
      tx,
    );
    return { result: "done", to: move.to, slug: row.slug };
  });
}

/**
 * Erases one supporter's personal data on their request, for good, in the same transaction as
 * its audit entry; their row, and so every count, stays. Null when there is no such supporter
 * or it was erased already.
 */
export async function eraseSupporter(
  caller: StaffCaller,
  kind: SupportKind,
  id: string,
  reason: string,
): Promise<{ slug: string } | null> {
  assertRole(caller, "editor");
  const { table, parentTable } = SUPPORT_KINDS[kind];
  return getDb().transaction(async (tx) => {
    const [erased] = await eraseSupporters(tx, kind, eq(table.id, id));
    if (!erased) return null;
    const [parent] = await tx
      .select({ slug: parentTable.slug })
      .from(parentTable)
      .where(eq(parentTable.id, erased.parentId));
    await insertAuditEntry(
      caller,
      { action: "supporter.erase", subjectType: kind, subjectId: id, details: { reason }, rowCount: 1 },
      tx,
    );
    return { slug: parent!.slug };
  });
}

export type BulkOutcome =
  { result: "done"; rejected: number } | { result: "changed"; count: number } | { result: "not-found" };

/**
 * Rejects every row a rule selects, if that is still the number the preview showed; otherwise
 * nothing changes and the caller hears the new number, to preview again. Rows, counts and the
 * audit entry (with the rule) change in one transaction.
 */
export async function rejectByRule(
  caller: StaffCaller,
  rule: BulkRule,
  expected: number,
  reason: string,
): Promise<BulkOutcome> {
  assertRole(caller, "editor");
  const { parentTable } = SUPPORT_KINDS[rule.kind];
  return getDb().transaction(async (tx) => {
    const [parent] = await tx
      .select({ id: parentTable.id })
      .from(parentTable)
      .where(eq(parentTable.slug, rule.slug));
    if (!parent) return { result: "not-found" };
    const { matched, moves } = await moveSupporters(
      tx,
      rule.kind,
      bulkRuleCondition(rule, parent.id),
      sql`state = 'rejected', rejection_reason = ${reason}, rejection_category = ${rule.ip ? "network" : "email-domain"}::rejection_category, rejected_at = now(), held_at = null`,
      expected,
    );
    if (matched !== expected) return { result: "changed", count: matched };
    const byState = Object.fromEntries(moves.map((move) => [move.from, move.n]));
    const rejected = moves.reduce((sum, move) => sum + move.n, 0);
    await insertAuditEntry(
      caller,
      {
        action: "supporters.bulk-reject",
        subjectType: rule.kind,
        subjectId: parent.id,
        details: { rule: { ...rule }, reason, byState },
        rowCount: rejected,
      },
      tx,
    );
    return { result: "done", rejected };
  });
}

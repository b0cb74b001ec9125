import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { countSlots, type CountSubject, type SupportState } from "@/db/schema";
import { insertSystemAuditEntry } from "./audit";

/** The audit log action of one reconciliation run, with when it held the lock (the database's clock). */
export const RECONCILE_AUDIT_ACTION = "counts.reconciled";

/** The slot reconciliation writes to; ordinary changes use slots 0 to COUNT_SLOTS - 1, never this. */
const REPAIR_SLOT = -1;
const RECONCILE_LOCK_KEY = 7_120_412_003;

export interface Drift {
  subject: CountSubject;
  subjectId: string;
  state: SupportState;
  counted: number;
  actual: number;
}

export interface ReconcileReport {
  checked: number;
  drift: Drift[];
}

/**
 * Recounts every total from the rows and repairs any drift. The recount reads one consistent
 * snapshot (REPEATABLE READ), in which counters and rows agree exactly because they change in
 * the same transactions; each drift is then added into a slot that no signing transaction ever
 * touches, so signing goes on undisturbed and never conflicts with the repair. One instance at
 * a time (a transaction-level advisory lock); null when another holds it. Each run that takes
 * the lock is recorded in the audit log in its own transaction, with the database clock's start
 * and end, so that runs from several instances can be shown never to overlap.
 */
export async function reconcileCounts(): Promise<ReconcileReport | null> {
  return getDb().transaction(
    async (tx) => {
      const [lock] = (
        await tx.execute<{ locked: boolean; started: string }>(
          sql`select pg_try_advisory_xact_lock(${RECONCILE_LOCK_KEY}) as locked, clock_timestamp()::text as started`,
        )
      ).rows;
      if (!lock?.locked) return null;
      const rows = await tx.execute<{
        subject: CountSubject;
        subject_id: string;
        state: SupportState;
        counted: string;
        actual: string;
      }>(sql`
        with actual as (
          select 'petition'::count_subject as subject, petition_id as subject_id, state, count(*) as n
            from signatures group by petition_id, state
          union all
          select 'pledge'::count_subject, pledge_id, state, count(*) from pledge_takers group by pledge_id, state
          union all
          select 'commitment'::count_subject, c.commitment_id, t.state, count(*)
            from pledge_taker_commitments c join pledge_takers t on t.id = c.taker_id
            group by c.commitment_id, t.state
          union all
          select 'fulfilment'::count_subject, c.commitment_id, t.state, count(*)
            from pledge_taker_commitments c join pledge_takers t on t.id = c.taker_id
            where c.fulfilled_at is not null
            group by c.commitment_id, t.state
        ),
        counted as (
          select subject, subject_id, state, sum(count) as n from count_slots group by subject, subject_id, state
        )
        select coalesce(a.subject, c.subject) as subject, coalesce(a.subject_id, c.subject_id) as subject_id,
               coalesce(a.state, c.state) as state, coalesce(c.n, 0) as counted, coalesce(a.n, 0) as actual
          from actual a full join counted c
            on a.subject = c.subject and a.subject_id = c.subject_id and a.state = c.state`);
      const drift = rows.rows
        .map((row) => ({
          subject: row.subject,
          subjectId: row.subject_id,
          state: row.state,
          counted: Number(row.counted),
          actual: Number(row.actual),
        }))
        .filter((row) => row.counted !== row.actual);
      for (const { subject, subjectId, state, counted, actual } of drift) {
        await tx
          .insert(countSlots)
          .values({ subject, subjectId, state, slot: REPAIR_SLOT, count: actual - counted })
          .onConflictDoUpdate({
            target: [countSlots.subject, countSlots.subjectId, countSlots.state, countSlots.slot],
            set: { count: sql`${countSlots.count} + excluded.count` },
          });
      }
      const [end] = (await tx.execute<{ finished: string }>(sql`select clock_timestamp()::text as finished`))
        .rows;
      await insertSystemAuditEntry(
        {
          action: RECONCILE_AUDIT_ACTION,
          details: {
            startedAt: lock.started,
            finishedAt: end!.finished,
            checked: rows.rows.length,
            repaired: drift.length,
          },
          rowCount: drift.length,
        },
        tx,
      );
      return { checked: rows.rows.length, drift };
    },
    { isolationLevel: "repeatable read" },
  );
}

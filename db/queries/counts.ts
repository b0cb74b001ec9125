import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { readDb, type Db } from "@/db";
import { countSlots } from "@/db/schema";
import { supportState, type CountSubject, type SupportState } from "@/db/schema/enums";

/** Slots per counter: enough that 64 concurrent writers rarely wait on the same row (bench:counters). */
export const COUNT_SLOTS = 64;

export type SupportTotals = Record<SupportState, number>;

/**
 * The slot a supporter's changes always land in, computed by the database so that a statement
 * can place a row it is changing: spread evenly, and stable for one supporter.
 */
export function slotSql(supporterId: SQL): SQL {
  return sql`(hashtext(${supporterId}::text) & ${sql.raw(String(COUNT_SLOTS - 1))})`;
}

/**
 * Moves one supporter between states in a counter, in the caller's transaction, so the total
 * changes exactly when the row does. `from` is null for a new row, `to` null for a removed one.
 *
 * Row locks are always taken in one order (one slot per supporter, states in enum order), so
 * concurrent transactions that move the same supporter, or share a slot, wait instead of
 * deadlocking. Callers that move several subjects in one transaction keep a fixed order too.
 */
export async function moveCount(
  tx: Db,
  subject: CountSubject,
  subjectId: string,
  supporterId: string,
  from: SupportState | null,
  to: SupportState | null,
): Promise<void> {
  if (from === to) return;
  const slot = slotSql(sql`${supporterId}::uuid`);
  const order = supportState.enumValues;
  const changes = [
    ...(from ? [{ state: from, delta: -1 }] : []),
    ...(to ? [{ state: to, delta: 1 }] : []),
  ].sort((a, b) => order.indexOf(a.state) - order.indexOf(b.state));
  if (changes.length === 0) return;
  await tx
    .insert(countSlots)
    .values(changes.map(({ state, delta }) => ({ subject, subjectId, state, slot, count: delta })))
    .onConflictDoUpdate({
      target: [countSlots.subject, countSlots.subjectId, countSlots.state, countSlots.slot],
      set: { count: sql`${countSlots.count} + excluded.count` },
    });
}

/**
 * A common table expression that moves, in the statement that changes them, every supporter a
 * sibling CTE returns as (id, parent_id, from_state, to_state): out of one state of their
 * petition's or pledge's total and into another, and a pledge taker's commitments, and the ones
 * they did, with them. Moves that share a slot are summed first (one row may be changed only
 * once per statement), and slots are locked in one order, as `moveCount` does.
 */
export function countMovedCte(name: string, source: string, kind: "petition" | "pledge"): SQL {
  const moved = sql.identifier(source);
  const alsoCounted =
    kind === "pledge"
      ? sql`union all
          select 'commitment', commitment_id from pledge_taker_commitments where taker_id = moved.id
          union all
          select 'fulfilment', commitment_id from pledge_taker_commitments where taker_id = moved.id and fulfilled_at is not null`
      : sql``;
  return sql`${sql.identifier(name)} as (
    insert into count_slots (subject, subject_id, state, slot, count)
    select totals.subject, totals.subject_id, move.state, ${slotSql(sql`moved.id`)} as slot, sum(move.delta)
    from ${moved} as moved,
      lateral (select ${kind}::count_subject as subject, moved.parent_id as subject_id ${alsoCounted}) as totals,
      lateral (values (moved.from_state, -1), (moved.to_state, 1)) as move (state, delta)
    group by totals.subject, totals.subject_id, move.state, slot
    order by totals.subject, totals.subject_id, move.state, slot
    on conflict (subject, subject_id, state, slot) do update set count = count_slots.count + excluded.count
  )`;
}

/** A public total, from the read replica; staff and anything that follows a write pass getDb(). */
export async function getTotals(
  subject: CountSubject,
  subjectId: string,
  db: Db = readDb(),
): Promise<SupportTotals> {
  const rows = await db
    .select({ state: countSlots.state, total: sql<string>`sum(${countSlots.count})` })
    .from(countSlots)
    .where(and(eq(countSlots.subject, subject), eq(countSlots.subjectId, subjectId)))
    .groupBy(countSlots.state);
  const totals = Object.fromEntries(supportState.enumValues.map((state) => [state, 0])) as SupportTotals;
  for (const row of rows) totals[row.state] = Number(row.total);
  return totals;
}

import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import { countSlots } from "@/db/schema";
import { supportState, type CountSubject, type SupportState } from "@/db/schema/enums";

/** Slots per counter: enough that concurrent writers rarely wait on the same row. */
export const COUNT_SLOTS = 16;

export type SupportTotals = Record<SupportState, number>;

/** The slot a supporter's changes always land in: spread evenly, and stable for one supporter. */
export function slotFor(supporterId: string): number {
  let hash = 2166136261;
  for (let i = 0; i < supporterId.length; i++) hash = Math.imul(hash ^ supporterId.charCodeAt(i), 16777619);
  return (hash >>> 0) % COUNT_SLOTS;
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
  const slot = slotFor(supporterId);
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

export async function getTotals(subject: CountSubject, subjectId: string): Promise<SupportTotals> {
  const rows = await getDb()
    .select({ state: countSlots.state, total: sql<string>`sum(${countSlots.count})` })
    .from(countSlots)
    .where(and(eq(countSlots.subject, subject), eq(countSlots.subjectId, subjectId)))
    .groupBy(countSlots.state);
  const totals = Object.fromEntries(supportState.enumValues.map((state) => [state, 0])) as SupportTotals;
  for (const row of rows) totals[row.state] = Number(row.total);
  return totals;
}

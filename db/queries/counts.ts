import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import { countSlots } from "@/db/schema";
import { supportState, type CountSubject, type SupportState } from "@/db/schema/enums";

/** Slots per counter: enough that concurrent writers rarely wait on the same row. */
export const COUNT_SLOTS = 16;

export type SupportTotals = Record<SupportState, number>;

/**
 * Moves one supporter between states in a counter, in the caller's transaction, so the total
 * changes exactly when the row does. `from` is null for a new row, `to` null for a removed one.
 */
export async function moveCount(
  tx: Db,
  subject: CountSubject,
  subjectId: string,
  from: SupportState | null,
  to: SupportState | null,
): Promise<void> {
  const slot = Math.floor(Math.random() * COUNT_SLOTS);
  const changes = [
    ...(from ? [{ state: from, delta: -1 }] : []),
    ...(to ? [{ state: to, delta: 1 }] : []),
  ];
  if (changes.length === 0 || from === to) return;
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

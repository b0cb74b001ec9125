import "server-only";
import { asc, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { countSlots, petitions, pledges, supportState, type SupportState } from "@/db/schema";
import { assertRole, type StaffCaller } from "@/lib/domain/roles";
import { isOpenNow } from "./open-now";

export interface ActionTotals {
  kind: "petition" | "pledge";
  slug: string;
  title: string;
  isOpen: boolean;
  totals: Record<SupportState, number>;
}

/** Every petition and pledge with its supporters by state: what any member of staff may see. */
export async function listActionTotals(caller: StaffCaller): Promise<ActionTotals[]> {
  assertRole(caller, "viewer");
  const db = getDb();
  const [petitionRows, pledgeRows, counts] = await Promise.all([
    db
      .select({
        id: petitions.id,
        slug: petitions.slug,
        title: petitions.title,
        isOpen: isOpenNow(petitions),
      })
      .from(petitions)
      .orderBy(asc(petitions.createdAt)),
    db
      .select({ id: pledges.id, slug: pledges.slug, title: pledges.title, isOpen: isOpenNow(pledges) })
      .from(pledges)
      .orderBy(asc(pledges.createdAt)),
    db
      .select({
        subjectId: countSlots.subjectId,
        state: countSlots.state,
        total: sql<string>`sum(${countSlots.count})`,
      })
      .from(countSlots)
      .where(sql`${countSlots.subject} in ('petition', 'pledge')`)
      .groupBy(countSlots.subjectId, countSlots.state),
  ]);
  const totalsOf = (id: string) =>
    Object.fromEntries(
      supportState.enumValues.map((state) => [
        state,
        Number(counts.find((row) => row.subjectId === id && row.state === state)?.total ?? 0),
      ]),
    ) as Record<SupportState, number>;
  return [
    ...petitionRows.map((row) => ({
      kind: "petition" as const,
      slug: row.slug,
      title: row.title,
      isOpen: row.isOpen,
      totals: totalsOf(row.id),
    })),
    ...pledgeRows.map((row) => ({
      kind: "pledge" as const,
      slug: row.slug,
      title: row.title,
      isOpen: row.isOpen,
      totals: totalsOf(row.id),
    })),
  ];
}

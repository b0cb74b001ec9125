import "server-only";
import { and, asc, eq, gte, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import {
  countSlots,
  petitions,
  pledges,
  pledgeTakers,
  signatures,
  supportState,
  type SupportState,
} from "@/db/schema";
import { currentGoal } from "@/lib/domain/goal";
import type { Momentum } from "@/lib/domain/momentum";
import { assertRole, type StaffCaller } from "@/lib/domain/roles";
import { isOpenNow } from "./open-now";
import { startOfCampaignDay } from "./signed-today";

export interface ActionTotals {
  id: string;
  kind: "petition" | "pledge";
  slug: string;
  title: string;
  isOpen: boolean;
  /** When it stops taking supporters, if staff set a date. */
  closesAt: Date | null;
  /** The goal shown beside the count: the one staff set, or the next automatic step. */
  goal: number;
  totals: Record<SupportState, number>;
}

export interface ActionProgress extends ActionTotals {
  momentum: Momentum;
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
        closesAt: petitions.closesAt,
        fixedGoal: petitions.goal,
      })
      .from(petitions)
      .orderBy(asc(petitions.createdAt)),
    db
      .select({
        id: pledges.id,
        slug: pledges.slug,
        title: pledges.title,
        isOpen: isOpenNow(pledges),
        closesAt: pledges.closesAt,
        fixedGoal: pledges.goal,
      })
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
  type Row = (typeof petitionRows)[number];
  const shape = (kind: "petition" | "pledge", { id, fixedGoal, ...row }: Row): ActionTotals => {
    const totals = totalsOf(id);
    return { kind, ...row, id, goal: currentGoal(totals.verified, fixedGoal), totals };
  };
  return [
    ...petitionRows.map((row) => shape("petition", row)),
    ...pledgeRows.map((row) => shape("pledge", row)),
  ];
}

/**
 * The dashboard: every petition and pledge with its totals, and how many confirmed today, in the
 * last 7 days and in the 7 before (campaign days, lib/domain/campaign-day.ts), for its trend.
 */
export async function listActionProgress(caller: StaffCaller): Promise<ActionProgress[]> {
  const [actions, recent] = await Promise.all([
    listActionTotals(caller),
    Promise.all([
      countRecent(signatures, signatures.petitionId),
      countRecent(pledgeTakers, pledgeTakers.pledgeId),
    ]),
  ]);
  const byId = new Map(recent.flat().map(({ parentId, ...momentum }) => [parentId, momentum]));
  return actions.map((action) => ({
    ...action,
    momentum: byId.get(action.id) ?? { today: 0, week: 0, previousWeek: 0 },
  }));
}

/** Supporters who still count, by the campaign day they confirmed on, over the last 14 days. */
async function countRecent(
  table: typeof signatures | typeof pledgeTakers,
  parent: typeof signatures.petitionId | typeof pledgeTakers.pledgeId,
) {
  const daysAgo = (days: number) => sql`${startOfCampaignDay} - ${sql.raw(`interval '${days} days'`)}`;
  const rows = await getDb()
    .select({
      parentId: parent,
      today: sql<string>`count(*) filter (where ${table.verifiedAt} >= ${startOfCampaignDay})`,
      week: sql<string>`count(*) filter (where ${table.verifiedAt} >= ${daysAgo(6)})`,
      previousWeek: sql<string>`count(*) filter (where ${table.verifiedAt} < ${daysAgo(6)})`,
    })
    .from(table)
    .where(and(eq(table.state, "verified"), isNull(table.erasedAt), gte(table.verifiedAt, daysAgo(13))))
    .groupBy(parent);
  return rows.map((row) => ({
    parentId: row.parentId,
    today: Number(row.today),
    week: Number(row.week),
    previousWeek: Number(row.previousWeek),
  }));
}

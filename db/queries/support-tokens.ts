import "server-only";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db";
import { actionTokens, petitions, pledges, pledgeTakers, signatures, type SupportState } from "@/db/schema";
import { countMovedCte } from "./counts";
import { SUPPORT_KINDS, type SupportKind } from "./supporters";

export type LinkAction = "confirm" | "withdraw";

export interface TokenView {
  kind: SupportKind;
  /** The petition's or pledge's slug and title. */
  slug: string;
  title: string;
  referralCode: string;
  state: SupportState;
  isUsed: boolean;
  isExpired: boolean;
}

const takerPledges = alias(pledges, "taker_pledges");

/** What an emailed confirm or withdraw link points at, read without changing anything: a GET never acts. */
export async function getSupportToken(tokenHash: string, action: LinkAction): Promise<TokenView | null> {
  const [row] = await getDb()
    .select({
      purpose: actionTokens.purpose,
      signatureState: signatures.state,
      signatureCode: signatures.referralCode,
      petitionSlug: petitions.slug,
      petitionTitle: petitions.title,
      takerState: pledgeTakers.state,
      takerCode: pledgeTakers.referralCode,
      pledgeSlug: takerPledges.slug,
      pledgeTitle: takerPledges.title,
      isUsed: sql<boolean>`${actionTokens.usedAt} is not null`,
      isExpired: sql<boolean>`${actionTokens.expiresAt} <= now()`,
    })
    .from(actionTokens)
    .leftJoin(signatures, eq(signatures.id, actionTokens.subjectId))
    .leftJoin(petitions, eq(petitions.id, signatures.petitionId))
    .leftJoin(pledgeTakers, eq(pledgeTakers.id, actionTokens.subjectId))
    .leftJoin(takerPledges, eq(takerPledges.id, pledgeTakers.pledgeId))
    .where(
      and(
        eq(actionTokens.tokenHash, tokenHash),
        inArray(actionTokens.purpose, [SUPPORT_KINDS.petition.purposes[action], SUPPORT_KINDS.pledge.purposes[action]]),
      ),
    );
  if (!row) return null;
  const { isUsed, isExpired } = row;
  if (row.purpose === SUPPORT_KINDS.petition.purposes[action] && row.signatureState && row.petitionSlug) {
    return { kind: "petition", slug: row.petitionSlug, title: row.petitionTitle!, referralCode: row.signatureCode!, state: row.signatureState, isUsed, isExpired };
  }
  if (row.takerState && row.pledgeSlug) {
    return { kind: "pledge", slug: row.pledgeSlug, title: row.pledgeTitle!, referralCode: row.takerCode!, state: row.takerState, isUsed, isExpired };
  }
  return null;
}

export type TokenOutcome =
  | { result: "done" | "already-done"; kind: SupportKind; slug: string; title: string; referralCode: string; parentId: string }
  | { result: "expired" | "not-found" | "not-allowed" };

// A held supporter who confirms becomes `held`, not `verified`: confirmed, and still out of the
// total until released (db/queries/holds.ts).
const TRANSITIONS: Record<LinkAction, { from: SupportState[]; to: SupportState[]; set: SQL }> = {
  confirm: {
    from: ["pending"],
    to: ["verified", "held"],
    set: sql`state = (case when supporter.held_at is null then 'verified' else 'held' end)::support_state, verified_at = now()`,
  },
  withdraw: { from: ["pending", "verified", "held"], to: ["withdrawn"], set: sql`state = 'withdrawn', withdrawn_at = now()` },
};

/**
 * Follows an emailed link, once, in one statement. The token and the supporter are locked
 * (FOR UPDATE, which also reads their latest committed state), so fifty simultaneous presses of
 * one button change the supporter, and every count they are in (a pledge taker's commitments and
 * fulfilments too), exactly once; later presses are told it is already done.
 */
export async function redeemSupportToken(kind: SupportKind, tokenHash: string, action: LinkAction): Promise<TokenOutcome> {
  const { table, parentTable, parentColumn, purposes } = SUPPORT_KINDS[kind];
  const purpose = purposes[action];
  const { from, to, set } = TRANSITIONS[action];
  const fromStates = sql`array[${sql.join(
    from.map((state) => sql`${state}`),
    sql`, `,
  )}]::support_state[]`;
  const result = await getDb().execute<{
    isUsed: boolean;
    isExpired: boolean;
    state: SupportState | null;
    referralCode: string | null;
    parentId: string | null;
    slug: string | null;
    title: string | null;
    isDone: boolean;
  }>(sql`
    with link as (
      select subject_id, used_at is not null as is_used, expires_at <= now() as is_expired
      from action_tokens where token_hash = ${tokenHash} and purpose = ${purpose}
      for update
    ), supporter as (
      select id, state, held_at, ${sql.identifier(parentColumn)} as parent_id, referral_code from ${table}
      where id = (select subject_id from link)
      for update
    ), changed as (
      update ${table} set ${set}
      from link, supporter
      where ${table}.id = supporter.id and not link.is_used and not link.is_expired
        and supporter.state = any(${fromStates})
      returning supporter.id, supporter.parent_id, supporter.state as from_state, ${table}.state as to_state
    ), used as (
      update action_tokens set used_at = now()
      where token_hash = ${tokenHash} and exists (select 1 from changed)
    ), ${countMovedCte("counted", "changed", kind)}
    select link.is_used as "isUsed", link.is_expired as "isExpired", supporter.state,
      supporter.referral_code as "referralCode", supporter.parent_id as "parentId",
      parent.slug, parent.title, exists (select 1 from changed) as "isDone"
    from link
    left join supporter on true
    left join ${parentTable} as parent on parent.id = supporter.parent_id
  `);
  const [row] = result.rows;
  if (!row?.state || !row.slug || !row.title || !row.referralCode || !row.parentId) return { result: "not-found" };
  const found = { kind, slug: row.slug, title: row.title, referralCode: row.referralCode, parentId: row.parentId };
  if (row.isDone) return { result: "done", ...found };
  if (row.isUsed || to.includes(row.state)) return { result: "already-done", ...found };
  if (row.isExpired) return { result: "expired" };
  return { result: "not-allowed" };
}

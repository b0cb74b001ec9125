import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { actionTokens, petitions, signatures, type SupportState, type TokenPurpose } from "@/db/schema";
import { slotSql } from "./counts";

export interface TokenView {
  referralCode: string;
  petitionSlug: string;
  petitionTitle: string;
  state: SupportState;
  isUsed: boolean;
  isExpired: boolean;
}

/** What an emailed link points at, read without changing anything: a GET never acts. */
export async function getSignatureToken(tokenHash: string, purpose: TokenPurpose): Promise<TokenView | null> {
  const [row] = await getDb()
    .select({
      referralCode: signatures.referralCode,
      petitionSlug: petitions.slug,
      petitionTitle: petitions.title,
      state: signatures.state,
      isUsed: sql<boolean>`${actionTokens.usedAt} is not null`,
      isExpired: sql<boolean>`${actionTokens.expiresAt} <= now()`,
    })
    .from(actionTokens)
    .innerJoin(signatures, eq(signatures.id, actionTokens.subjectId))
    .innerJoin(petitions, eq(petitions.id, signatures.petitionId))
    .where(and(eq(actionTokens.tokenHash, tokenHash), eq(actionTokens.purpose, purpose)));
  return row ?? null;
}

export type TokenOutcome =
  | { result: "done" | "already-done"; petitionSlug: string; petitionTitle: string; referralCode: string }
  | { result: "expired" | "not-found" | "not-allowed" };

const TRANSITIONS: Record<"confirm-signature" | "withdraw-signature", { from: SupportState[]; to: SupportState }> = {
  "confirm-signature": { from: ["pending"], to: "verified" },
  "withdraw-signature": { from: ["pending", "verified"], to: "withdrawn" },
};

/**
 * Follows an emailed link, once, in one statement. The token and the signature are locked
 * (FOR UPDATE, which also reads their latest committed state), so fifty simultaneous presses of
 * one button change the signature, and its count, exactly once; later presses are told it is
 * already done.
 */
export async function redeemSignatureToken(
  tokenHash: string,
  purpose: "confirm-signature" | "withdraw-signature",
): Promise<TokenOutcome> {
  const { from, to } = TRANSITIONS[purpose];
  const stamp = to === "verified" ? sql`verified_at = now()` : sql`withdrawn_at = now()`;
  const fromStates = sql`array[${sql.join(
    from.map((state) => sql`${state}`),
    sql`, `,
  )}]::support_state[]`;
  const result = await getDb().execute<{
    isUsed: boolean;
    isExpired: boolean;
    state: SupportState | null;
    referralCode: string | null;
    petitionSlug: string | null;
    petitionTitle: string | null;
    isDone: boolean;
  }>(sql`
    with link as (
      select subject_id, used_at is not null as is_used, expires_at <= now() as is_expired
      from action_tokens where token_hash = ${tokenHash} and purpose = ${purpose}
      for update
    ), supporter as (
      select id, state, petition_id, referral_code from signatures
      where id = (select subject_id from link)
      for update
    ), changed as (
      update signatures set state = ${to}, ${stamp}
      from link, supporter
      where signatures.id = supporter.id and not link.is_used and not link.is_expired
        and supporter.state = any(${fromStates})
      returning signatures.id
    ), used as (
      update action_tokens set used_at = now()
      where token_hash = ${tokenHash} and exists (select 1 from changed)
    ), counted as (
      insert into count_slots (subject, subject_id, state, slot, count)
      select 'petition', supporter.petition_id, move.state, ${slotSql(sql`supporter.id`)}, move.delta
      from changed, supporter, lateral (values (supporter.state, -1), (${to}::support_state, 1)) as move (state, delta)
      order by move.state
      on conflict (subject, subject_id, state, slot) do update set count = count_slots.count + excluded.count
    )
    select link.is_used as "isUsed", link.is_expired as "isExpired", supporter.state,
      supporter.referral_code as "referralCode", petitions.slug as "petitionSlug",
      petitions.title as "petitionTitle", exists (select 1 from changed) as "isDone"
    from link
    left join supporter on true
    left join petitions on petitions.id = supporter.petition_id
  `);
  const [row] = result.rows;
  if (!row?.state || !row.petitionSlug || !row.petitionTitle || !row.referralCode) return { result: "not-found" };
  const found = { petitionSlug: row.petitionSlug, petitionTitle: row.petitionTitle, referralCode: row.referralCode };
  if (row.isDone) return { result: "done", ...found };
  if (row.isUsed || row.state === to) return { result: "already-done", ...found };
  if (row.isExpired) return { result: "expired" };
  return { result: "not-allowed" };
}

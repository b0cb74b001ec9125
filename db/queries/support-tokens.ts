import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db";
import { actionTokens, petitions, pledges, pledgeTakers, signatures, type SupportState } from "@/db/schema";
import { SUPPORT_KINDS, type SupportKind } from "./support-kinds";
import {
  LINK_TRANSITIONS,
  redeemTokenStatement,
  type LinkAction,
  type RedeemedToken,
} from "./support-statements";

export type { LinkAction } from "./support-statements";

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
        inArray(actionTokens.purpose, [
          SUPPORT_KINDS.petition.purposes[action],
          SUPPORT_KINDS.pledge.purposes[action],
        ]),
      ),
    );
  if (!row) return null;
  const { isUsed, isExpired } = row;
  if (row.purpose === SUPPORT_KINDS.petition.purposes[action] && row.signatureState && row.petitionSlug) {
    return {
      kind: "petition",
      slug: row.petitionSlug,
      title: row.petitionTitle!,
      referralCode: row.signatureCode!,
      state: row.signatureState,
      isUsed,
      isExpired,
    };
  }
  if (row.takerState && row.pledgeSlug) {
    return {
      kind: "pledge",
      slug: row.pledgeSlug,
      title: row.pledgeTitle!,
      referralCode: row.takerCode!,
      state: row.takerState,
      isUsed,
      isExpired,
    };
  }
  return null;
}

export type TokenOutcome =
  | {
      result: "done" | "already-done";
      kind: SupportKind;
      slug: string;
      title: string;
      referralCode: string;
      parentId: string;
    }
  | { result: "expired" | "not-found" | "not-allowed" };

/**
 * Follows an emailed link, once, in one statement (db/queries/support-statements.ts). The token
 * and the supporter are locked (FOR UPDATE, which also reads their latest committed state), so
 * fifty simultaneous presses of one button change the supporter, and every count they are in (a
 * pledge taker's commitments and fulfilments too), exactly once; later presses are told it is
 * already done.
 */
export async function redeemSupportToken(
  kind: SupportKind,
  tokenHash: string,
  action: LinkAction,
): Promise<TokenOutcome> {
  const result = await getDb().execute<RedeemedToken>(redeemTokenStatement({ kind, tokenHash, action }));
  const [row] = result.rows;
  if (!row?.state || !row.slug || !row.title || !row.referralCode || !row.parentId)
    return { result: "not-found" };
  const found = {
    kind,
    slug: row.slug,
    title: row.title,
    referralCode: row.referralCode,
    parentId: row.parentId,
  };
  if (row.isDone) return { result: "done", ...found };
  if (row.isUsed || LINK_TRANSITIONS[action].to.includes(row.state))
    return { result: "already-done", ...found };
  if (row.isExpired) return { result: "expired" };
  return { result: "not-allowed" };
}

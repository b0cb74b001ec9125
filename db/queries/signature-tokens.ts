import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { actionTokens, petitions, signatures, type SupportState, type TokenPurpose } from "@/db/schema";
import { moveCount } from "./counts";

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
 * Follows an emailed link, once. The token row is locked for the transaction, so fifty
 * simultaneous presses of one button change the signature, and its count, exactly once; later
 * presses are told it is already done.
 */
export async function redeemSignatureToken(
  tokenHash: string,
  purpose: "confirm-signature" | "withdraw-signature",
): Promise<TokenOutcome> {
  return getDb().transaction(async (tx) => {
    const [token] = await tx
      .select({
        subjectId: actionTokens.subjectId,
        isUsed: sql<boolean>`${actionTokens.usedAt} is not null`,
        isExpired: sql<boolean>`${actionTokens.expiresAt} <= now()`,
      })
      .from(actionTokens)
      .where(and(eq(actionTokens.tokenHash, tokenHash), eq(actionTokens.purpose, purpose)))
      .for("update");
    if (!token) return { result: "not-found" };

    const [signature] = await tx
      .select({
        id: signatures.id,
        state: signatures.state,
        petitionId: signatures.petitionId,
        referralCode: signatures.referralCode,
        petitionSlug: petitions.slug,
        petitionTitle: petitions.title,
      })
      .from(signatures)
      .innerJoin(petitions, eq(petitions.id, signatures.petitionId))
      .where(eq(signatures.id, token.subjectId))
      .for("update", { of: signatures });
    if (!signature) return { result: "not-found" };
    const { petitionSlug, petitionTitle, referralCode } = signature;
    const transition = TRANSITIONS[purpose];

    if (token.isUsed || signature.state === transition.to) {
      return { result: "already-done", petitionSlug, petitionTitle, referralCode };
    }
    if (token.isExpired) return { result: "expired" };
    if (!transition.from.includes(signature.state)) return { result: "not-allowed" };

    const now = new Date();
    await tx.update(actionTokens).set({ usedAt: now }).where(eq(actionTokens.tokenHash, tokenHash));
    await tx
      .update(signatures)
      .set(transition.to === "verified" ? { state: "verified", verifiedAt: now } : { state: "withdrawn", withdrawnAt: now })
      .where(eq(signatures.id, signature.id));
    await moveCount(tx, "petition", signature.petitionId, signature.id, signature.state, transition.to);
    return { result: "done", petitionSlug, petitionTitle, referralCode };
  });
}

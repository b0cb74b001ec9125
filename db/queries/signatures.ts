import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { petitions, signatures } from "@/db/schema";
import { isCommentShown } from "./comments";

export interface PublicSigner {
  firstName: string;
  lastInitial: string;
  locality: string | null;
  /** The ISO 3166 code of the locality's country, so that a page can name it in its language. */
  country: string | null;
  /** Null when there is none, or when it is held back for (or by) the staff's review. */
  comment: string | null;
  /** What "Report this comment" names; null with no comment shown. */
  commentId: string | null;
}

/**
 * Recent verified signers who chose to be shown: first name, last initial, locality, and their
 * comment while it may be shown (db/queries/comments.ts).
 * From the primary even beside a read replica: it shows names, and a page regenerated right
 * after an erasure must not bring one back from a replica that has not replayed it yet.
 */
export async function listRecentPublicSigners(petitionId: string, limit = 10): Promise<PublicSigner[]> {
  const rows = await getDb()
    .select({
      firstName: signatures.firstName,
      lastInitial: sql<string>`left(${signatures.lastName}, 1)`,
      locality: signatures.locality,
      country: signatures.country,
      comment: sql<string | null>`case when ${isCommentShown} then ${signatures.comment} end`,
      commentId: sql<string | null>`case when ${isCommentShown} then ${signatures.id} end`,
    })
    .from(signatures)
    .innerJoin(petitions, eq(petitions.id, signatures.petitionId))
    .where(
      and(
        eq(signatures.petitionId, petitionId),
        eq(signatures.state, "verified"),
        eq(signatures.isPublic, true),
        isNull(signatures.erasedAt),
      ),
    )
    .orderBy(desc(signatures.verifiedAt))
    .limit(limit);
  return rows.map((row) => ({ ...row, firstName: row.firstName ?? "", lastInitial: row.lastInitial ?? "" }));
}

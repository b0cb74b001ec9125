import "server-only";
import { and, asc, eq, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { commentReports, petitions, signatures } from "@/db/schema";
import { assertRole, type StaffCaller } from "@/lib/domain/roles";
import { insertAuditEntry } from "./audit";

// Signers' comments in public, and their moderation: readers report a comment (no account: one
// report per address), enough different reporters hide it until staff keep or remove it, and a
// petition can have staff approve every comment before it is shown (pre-moderation).

/** A comment the public may read: its signer confirmed and chose to be shown, and no review holds it back. */
export const isCommentShown: SQL = sql`(${signatures.comment} is not null
  and (${signatures.commentReview} = 'kept'
    or (${signatures.commentReview} = 'unreviewed' and not ${petitions.reviewsComments})))`;

const isShownSigner = and(
  eq(signatures.state, "verified"),
  eq(signatures.isPublic, true),
  isNull(signatures.erasedAt),
);

export type ReportOutcome =
  /** Counted (or already counted from this address); the comment is still shown. */
  | "counted"
  /** This report was the one that hid it: it waits for staff now. */
  | "hidden"
  /** Staff kept this very text: reports no longer hide it, and none is stored. */
  | "kept"
  /** No comment by that id is on show (unknown, never shown, hidden already, or removed). */
  | "not-shown";

/**
 * A reader's report of a public comment, counted once per reporter (`reporterHash`: a keyed hash
 * of the address, IPv6 by /64). When `threshold` different reporters have reported it, the
 * comment is hidden until staff decide, and the live feeds of its petition are told at once.
 */
export async function reportComment(
  commentId: string,
  reporterHash: string,
  threshold: number,
): Promise<ReportOutcome> {
  return getDb().transaction(async (tx) => {
    // Locked, so that the report that reaches the threshold is counted by exactly one request.
    const [comment] = await tx
      .select({
        review: signatures.commentReview,
        petitionId: signatures.petitionId,
        isShown: isCommentShown,
      })
      .from(signatures)
      .innerJoin(petitions, eq(petitions.id, signatures.petitionId))
      .where(and(eq(signatures.id, commentId), isShownSigner))
      .for("update", { of: signatures });
    if (!comment?.isShown) return "not-shown";
    if (comment.review === "kept") return "kept";
    await tx.insert(commentReports).values({ signatureId: commentId, reporterHash }).onConflictDoNothing();
    const [{ reporters }] = (await tx
      .select({ reporters: sql<number>`count(*)::int` })
      .from(commentReports)
      .where(eq(commentReports.signatureId, commentId))) as [{ reporters: number }];
    if (reporters < threshold) return "counted";
    await tx
      .update(signatures)
      .set({ commentReview: "reported", commentReviewedAt: sql`now()` })
      .where(eq(signatures.id, commentId));
    // The recent-signers list travels with the totals (lib/live/totals-hub.ts): on commit.
    await tx.execute(sql`select pg_notify('upstand_totals', ${`petition:${comment.petitionId}`})`);
    return "hidden";
  });
}

export interface CommentForReview {
  id: string;
  petitionSlug: string;
  petitionTitle: string;
  /** As the public list names the signer: first name and last initial. */
  signer: string;
  comment: string;
  /** Hidden by readers' reports, or waiting for a first approval (pre-moderation). */
  why: "reported" | "awaiting";
  reports: number;
  /** When it was hidden by reports, or its signer confirmed. */
  since: Date;
}

const REVIEW_PAGE_SIZE = 50;

const waitingSince = sql<Date>`coalesce(${signatures.commentReviewedAt}, ${signatures.verifiedAt})`;

const isWaiting = or(
  eq(signatures.commentReview, "reported"),
  and(eq(signatures.commentReview, "unreviewed"), eq(petitions.reviewsComments, true)),
);

/** The comments waiting for staff, those readers reported first, oldest first. For editors. */
export async function listCommentsForReview(caller: StaffCaller): Promise<CommentForReview[]> {
  assertRole(caller, "editor");
  const rows = await getDb()
    .select({
      id: signatures.id,
      petitionSlug: petitions.slug,
      petitionTitle: petitions.title,
      firstName: signatures.firstName,
      lastInitial: sql<string>`left(${signatures.lastName}, 1)`,
      comment: signatures.comment,
      review: signatures.commentReview,
      reports: sql<number>`(select count(*)::int from ${commentReports} where ${commentReports.signatureId} = ${signatures.id})`,
      since: waitingSince.mapWith(signatures.verifiedAt),
    })
    .from(signatures)
    .innerJoin(petitions, eq(petitions.id, signatures.petitionId))
    .where(and(isShownSigner, isNotNull(signatures.comment), isWaiting))
    .orderBy(sql`${signatures.commentReview} = 'reported' desc`, asc(waitingSince), asc(signatures.id))
    .limit(REVIEW_PAGE_SIZE);
  return rows.map((row) => ({
    id: row.id,
    petitionSlug: row.petitionSlug,
    petitionTitle: row.petitionTitle,
    signer: `${row.firstName ?? ""} ${row.lastInitial ?? ""}.`,
    comment: row.comment ?? "",
    why: row.review === "reported" ? "reported" : "awaiting",
    reports: row.reports,
    since: row.since,
  }));
}

export type CommentDecision = "keep" | "remove";

/**
 * Keeps (shows again, or approves) or removes a comment waiting for staff, with an audit entry
 * naming the comment's signature and petition. Null when it is not waiting (decided meanwhile by
 * someone else, or unknown): nothing changes then.
 */
export async function decideComment(
  caller: StaffCaller,
  commentId: string,
  decision: CommentDecision,
): Promise<{ petitionSlug: string } | null> {
  assertRole(caller, "editor");
  return getDb().transaction(async (tx) => {
    const [comment] = await tx
      .select({
        petitionId: petitions.id,
        petitionSlug: petitions.slug,
        review: signatures.commentReview,
        reports: sql<number>`(select count(*)::int from ${commentReports} where ${commentReports.signatureId} = ${signatures.id})`,
      })
      .from(signatures)
      .innerJoin(petitions, eq(petitions.id, signatures.petitionId))
      .where(and(eq(signatures.id, commentId), isNotNull(signatures.comment), isWaiting))
      .for("update", { of: signatures });
    if (!comment) return null;
    await tx
      .update(signatures)
      .set({ commentReview: decision === "keep" ? "kept" : "removed", commentReviewedAt: sql`now()` })
      .where(eq(signatures.id, commentId));
    // Decided: the reports decide nothing more, and each holds a trace of an address.
    await tx.delete(commentReports).where(eq(commentReports.signatureId, commentId));
    await insertAuditEntry(
      caller,
      {
        action: `comment.${decision}`,
        subjectType: "petition",
        subjectId: commentId,
        details: {
          petition: comment.petitionSlug,
          was: comment.review === "reported" ? "hidden by reports" : "awaiting approval",
          reports: comment.reports,
        },
        rowCount: 1,
      },
      tx,
    );
    await tx.execute(sql`select pg_notify('upstand_totals', ${`petition:${comment.petitionId}`})`);
    return { petitionSlug: comment.petitionSlug };
  });
}

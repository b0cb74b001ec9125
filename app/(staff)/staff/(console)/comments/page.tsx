import type { Metadata } from "next";
import Link from "next/link";
import { listCommentsForReview } from "@/db/queries/comments";
import { requireStaff } from "@/lib/auth/staff";
import { env } from "@/lib/env";
import { formatUtc } from "../signatures/_components/format-utc";
import { CommentDecisionForm } from "./_components/comment-decision-form";

export const metadata: Metadata = { title: "Comments" };

export default async function CommentsPage() {
  const caller = await requireStaff("editor");
  const comments = await listCommentsForReview(caller);
  const threshold = env().COMMENT_REPORT_THRESHOLD;
  return (
    <section aria-labelledby="comments-heading" className="space-y-6">
      <h1 id="comments-heading" className="font-serif text-3xl font-bold">
        Comments waiting for you
      </h1>
      <p className="max-w-prose">
        A comment is hidden from the public once {threshold} different addresses have reported it, and on a
        petition that reviews every comment first, until it is approved. Keep a comment to show it (reports
        will no longer hide it), or remove it for good. Each decision is in the audit log.
      </p>
      {comments.length === 0 ? (
        <p data-testid="no-comments">No comment is waiting.</p>
      ) : (
        <ul className="space-y-4" data-testid="comment-queue">
          {comments.map((comment) => (
            <li key={comment.id} className="space-y-3 rounded-xl border border-line p-4">
              <p className="text-sm text-muted">
                {comment.why === "reported"
                  ? `Hidden by ${comment.reports} ${comment.reports === 1 ? "report" : "reports"}`
                  : "Waiting for approval"}{" "}
                since {formatUtc(comment.since)}, on{" "}
                <Link href={`/petition/${comment.petitionSlug}`} className="link">
                  {comment.petitionTitle}
                </Link>
              </p>
              <blockquote className="border-l-4 border-line pl-3">
                <p className="whitespace-pre-line">{comment.comment}</p>
                <footer className="text-sm">
                  {comment.signer}{" "}
                  <Link href={`/staff/signatures/${comment.id}?kind=petition`} className="link">
                    (their signature)
                  </Link>
                </footer>
              </blockquote>
              <CommentDecisionForm commentId={comment.id} isReported={comment.why === "reported"} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { Notice } from "@/components/layout/notice";
import { isReportAnswer, REPORT_MESSAGES } from "@/lib/domain/comment-reports";
import { singleValues, type SearchParams } from "@/lib/http/search-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Report a comment", robots: { index: false } };

// Where "Report this comment" lands without JavaScript (POST /api/comments/{id}/reports, 303).
export default async function CommentReportedPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { outcome, petition } = singleValues(await searchParams);
  const answer = isReportAnswer(outcome) ? outcome : "failed";
  const hasPetition = petition !== undefined && /^[\w-]{1,100}$/.test(petition);
  return (
    <Notice title={answer === "failed" || answer === "not-shown" ? "Report a comment" : "Report received"}>
      <p>{REPORT_MESSAGES[answer]}</p>
      <p>
        <Link href={hasPetition ? `/petition/${petition}` : "/"} className="link">
          {hasPetition ? "Back to the petition" : "Back to the home page"}
        </Link>
      </p>
    </Notice>
  );
}

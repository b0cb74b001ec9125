"use client";

import { useState } from "react";
import { isReportAnswer, type ReportAnswer } from "@/lib/domain/comment-reports";

/** The button and each answer's message, in the page's language (messages: commentReported.outcomes). */
export interface ReportWords {
  button: string;
  outcomes: Record<ReportAnswer, string>;
}

/**
 * "Report this comment": a plain form post without JavaScript (answered by a page that says what
 * happened); with it, sent in place, and the answer said here, politely.
 */
export function ReportComment({
  commentId,
  slug,
  words,
}: {
  commentId: string;
  slug: string;
  words: ReportWords;
}) {
  const [answer, setAnswer] = useState<ReportAnswer | null>(null);
  const [isPending, setPending] = useState(false);
  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setPending(true);
    try {
      const response = await fetch(event.currentTarget.action, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: "{}",
      });
      const body = (await response.json().catch(() => null)) as {
        outcome?: unknown;
        data?: { outcome?: unknown };
      } | null;
      const outcome = body?.data?.outcome ?? body?.outcome;
      setAnswer(isReportAnswer(outcome) ? outcome : "failed");
    } catch {
      setAnswer("failed");
    } finally {
      setPending(false);
    }
  };
  return (
    <form
      method="post"
      action={`/api/comments/${commentId}/reports`}
      onSubmit={onSubmit}
      className="mt-1 text-sm"
    >
      <input type="hidden" name="petition" value={slug} />
      <p aria-live="polite" className="text-muted empty:hidden">
        {answer ? words.outcomes[answer] : null}
      </p>
      {answer === null || answer === "failed" ? (
        <button type="submit" className="link text-muted" disabled={isPending}>
          {words.button}
        </button>
      ) : null}
    </form>
  );
}

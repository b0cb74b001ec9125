"use client";

import { useState } from "react";

/** How near the limit a comment is, in the steps a screen reader is told about; null: not near. */
function nearness(left: number): string | null {
  if (left < 0) return "over";
  return [0, 10, 20, 50].find((step) => left <= step)?.toString() ?? null;
}

const countText = (left: number) =>
  left >= 0
    ? `${left} ${left === 1 ? "character" : "characters"} left`
    : `${-left} ${left === -1 ? "character" : "characters"} too many`;

/**
 * The characters left in the comment box. It is shown as people type; a screen reader is told
 * only near the limit (50, 20, 10 and none left, and once when it is passed), not at every key.
 */
export function CommentCounter({ id, length, max }: { id: string; length: number; max: number }) {
  const left = max - length;
  const step = nearness(left);
  const [announced, setAnnounced] = useState<{ step: string | null; text: string }>({ step: null, text: "" });
  // Set while rendering, when the step changes (React's pattern for state that follows a value).
  if (step !== announced.step) {
    setAnnounced({
      step,
      text:
        step === null ? "" : step === "over" ? `Your comment is over ${max} characters.` : countText(left),
    });
  }
  return (
    <>
      <p id={id} className={`text-sm ${left < 0 ? "font-semibold text-error" : "text-muted"}`}>
        {countText(left)}
      </p>
      <p aria-live="polite" className="sr-only" data-testid="comment-count-announcement">
        {announced.text}
      </p>
    </>
  );
}

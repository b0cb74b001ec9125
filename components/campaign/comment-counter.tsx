"use client";

import { useState } from "react";
import { formatNumber } from "@/lib/domain/format";
import type { Locale } from "@/lib/domain/locale";
import { fill, pluralWords, type PluralWords } from "@/lib/i18n/fill";

/** The counter's words, in the page's language, with `{count}` and `{max}` to fill in. */
export interface CommentCounterWords {
  left: PluralWords;
  over: PluralWords;
  overLimit: string;
}

/** How near the limit a comment is, in the steps a screen reader is told about; null: not near. */
function nearness(left: number): string | null {
  if (left < 0) return "over";
  return [0, 10, 20, 50].find((step) => left <= step)?.toString() ?? null;
}

function countText(left: number, words: CommentCounterWords, locale: Locale): string {
  const count = Math.abs(left);
  const forms = left >= 0 ? words.left : words.over;
  return fill(pluralWords(count, locale, forms), { count: formatNumber(count, locale) });
}

/**
 * The characters left in the comment box. It is shown as people type; a screen reader is told
 * only near the limit (50, 20, 10 and none left, and once when it is passed), not at every key.
 */
export function CommentCounter({
  id,
  length,
  max,
  words,
  locale,
}: {
  id: string;
  length: number;
  max: number;
  words: CommentCounterWords;
  locale: Locale;
}) {
  const left = max - length;
  const step = nearness(left);
  const [announced, setAnnounced] = useState<{ step: string | null; text: string }>({ step: null, text: "" });
  // Set while rendering, when the step changes (React's pattern for state that follows a value).
  if (step !== announced.step) {
    setAnnounced({
      step,
      text:
        step === null
          ? ""
          : step === "over"
            ? fill(words.overLimit, { max: formatNumber(max, locale) })
            : countText(left, words, locale),
    });
  }
  return (
    <>
      <p id={id} className={`text-sm ${left < 0 ? "font-semibold text-error" : "text-muted"}`}>
        {countText(left, words, locale)}
      </p>
      <p aria-live="polite" className="sr-only" data-testid="comment-count-announcement">
        {announced.text}
      </p>
    </>
  );
}

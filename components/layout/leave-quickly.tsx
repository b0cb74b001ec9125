"use client";

import { useEffect } from "react";
import { ESCAPE_TWICE_WITHIN_MS, NEUTRAL_SITE_URL } from "@/lib/content/leave-quickly";

function leave() {
  // replace(), so that Back does not return to this page.
  window.location.replace(NEUTRAL_SITE_URL);
}

/** Takes the reader to a neutral site at once: by this control, or by pressing Escape twice. */
export function LeaveQuickly({ label, hint }: { label: string; hint: string }) {
  useEffect(() => {
    let lastEscape = 0;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      const now = Date.now();
      if (now - lastEscape <= ESCAPE_TWICE_WITHIN_MS) leave();
      lastEscape = now;
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  // A link, so that it works before (or without) JavaScript; with it, the page is replaced.
  return (
    <a
      href={NEUTRAL_SITE_URL}
      rel="noreferrer"
      onClick={(event) => {
        event.preventDefault();
        leave();
      }}
      className="rounded-md bg-ink px-3 py-2 text-sm font-semibold text-paper no-underline shadow-sm hover:opacity-90"
      aria-describedby="leave-quickly-hint"
      data-testid="leave-quickly"
    >
      {label}
      <span id="leave-quickly-hint" className="sr-only">
        {" "}
        {hint}
      </span>
    </a>
  );
}

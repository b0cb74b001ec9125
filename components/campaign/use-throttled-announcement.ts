"use client";

import { useEffect, useRef, useState } from "react";

const MIN_GAP_MS = 10_000;

/**
 * Text for a polite live region that changes at most once every ten seconds, so a screen
 * reader hears how a total is moving without being talked over by every signature.
 */
export function useThrottledAnnouncement(message: string): string {
  const [announced, setAnnounced] = useState("");
  const first = useRef(message);
  const lastAt = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    // What the page showed when it loaded is not news.
    if (message === first.current && lastAt.current === 0) return;
    const wait = Math.max(0, lastAt.current + MIN_GAP_MS - Date.now());
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      lastAt.current = Date.now();
      setAnnounced(message);
    }, wait);
    return () => clearTimeout(timer.current);
  }, [message]);

  return announced;
}

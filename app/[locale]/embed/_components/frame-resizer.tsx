"use client";

import { useEffect } from "react";

/** The message an embed posts to the page that frames it; public/embed.js reads it. */
export const HEIGHT_MESSAGE = "upstand:embed-height";

/**
 * The site framing this embed, if staff allow it: named by the loader (?host=), else the
 * browser's own word for it (ancestorOrigins, the referrer's origin). Never "*": a height posted
 * to any other origin would go nowhere, and to "*" anyone could read it.
 */
function parentOrigin(allowed: readonly string[], named: string | null): string | null {
  const candidates = [named, window.location.ancestorOrigins?.[0], originOf(document.referrer)];
  return candidates.find((origin) => origin && allowed.includes(origin)) ?? null;
}

function originOf(url: string): string | null {
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
}

/**
 * Tells the framing page how tall the embed's content is, whenever it changes (an error shown,
 * the thank-you replacing the form), so that the frame shows all of it with no scroll bar.
 */
export function FrameResizer({
  targetId,
  allowedOrigins,
  namedHost,
}: {
  targetId: string;
  allowedOrigins: readonly string[];
  namedHost: string | null;
}) {
  useEffect(() => {
    const target = document.getElementById(targetId);
    if (window.parent === window || !target) return;
    const origin = parentOrigin(allowedOrigins, namedHost);
    if (!origin) return;
    const post = () =>
      window.parent.postMessage(
        { type: HEIGHT_MESSAGE, height: Math.ceil(target.getBoundingClientRect().height) },
        origin,
      );
    const observer = new ResizeObserver(post);
    observer.observe(target);
    post();
    return () => observer.disconnect();
  }, [targetId, allowedOrigins, namedHost]);
  return null;
}

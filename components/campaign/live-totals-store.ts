"use client";

import { useSyncExternalStore } from "react";

export type TotalsSource = { kind: "petition" | "pledge"; slug: string };
export type TotalsSnapshot = Record<string, unknown> | null;

const POLL_MS = 5_000;
const MAX_BACKOFF_MS = 60_000;

interface Feed {
  snapshot: TotalsSnapshot;
  listeners: Set<() => void>;
  timer: ReturnType<typeof setTimeout> | undefined;
  failures: number;
}

// One feed per totals endpoint, shared by every live number on the page that reads it.
const feeds = new Map<string, Feed>();

export function totalsUrl({ kind, slug }: TotalsSource): string {
  return `/api/${kind}s/${encodeURIComponent(slug)}/totals`;
}

async function poll(url: string, feed: Feed) {
  clearTimeout(feed.timer);
  if (feed.listeners.size === 0) return;
  if (document.visibilityState === "visible") {
    try {
      const response = await fetch(url, { cache: "no-store" });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      feed.snapshot = (await response.json()) as TotalsSnapshot;
      feed.failures = 0;
      feed.listeners.forEach((listener) => listener());
    } catch {
      feed.failures += 1;
    }
  }
  const delay = Math.min(POLL_MS * 2 ** feed.failures, MAX_BACKOFF_MS);
  feed.timer = setTimeout(() => void poll(url, feed), delay);
}

function subscribe(url: string, listener: () => void): () => void {
  let feed = feeds.get(url);
  if (!feed) {
    feed = { snapshot: null, listeners: new Set(), timer: undefined, failures: 0 };
    feeds.set(url, feed);
  }
  const current = feed;
  current.listeners.add(listener);
  if (current.listeners.size === 1) {
    current.timer = setTimeout(() => void poll(url, current), POLL_MS);
    document.addEventListener("visibilitychange", onVisible);
  }
  function onVisible() {
    if (document.visibilityState === "visible") void poll(url, current);
  }
  return () => {
    current.listeners.delete(listener);
    if (current.listeners.size === 0) {
      clearTimeout(current.timer);
      document.removeEventListener("visibilitychange", onVisible);
    }
  };
}

/** The latest value of one field of a totals endpoint, starting from what the page was built with. */
export function useLiveNumber(source: TotalsSource, read: (snapshot: Record<string, unknown>) => unknown, initial: number) {
  const url = totalsUrl(source);
  return useSyncExternalStore(
    (listener) => subscribe(url, listener),
    () => {
      const snapshot = feeds.get(url)?.snapshot;
      const value = snapshot ? read(snapshot) : undefined;
      return typeof value === "number" ? value : initial;
    },
    () => initial,
  );
}

"use client";

import { useSyncExternalStore } from "react";

export type TotalsSource = { kind: "petition" | "pledge"; slug: string };
export type TotalsSnapshot = Record<string, unknown> | null;

const POLL_MS = 5_000;
const MAX_BACKOFF_MS = 60_000;

interface Feed {
  snapshot: TotalsSnapshot;
  listeners: Set<() => void>;
  stream: EventSource | null;
  pollTimer: ReturnType<typeof setTimeout> | undefined;
  reopenTimer: ReturnType<typeof setTimeout> | undefined;
  failures: number;
}

// One feed per petition or pledge, shared by every live number on the page that shows it.
const feeds = new Map<string, Feed>();

const base = ({ kind, slug }: TotalsSource) => `/api/${kind}s/${encodeURIComponent(slug)}`;

function publish(feed: Feed, snapshot: TotalsSnapshot) {
  feed.snapshot = snapshot;
  feed.listeners.forEach((listener) => listener());
}

/** The fallback while the stream is down: read the cacheable totals endpoint, backing off on errors. */
async function poll(source: TotalsSource, feed: Feed) {
  clearTimeout(feed.pollTimer);
  if (feed.listeners.size === 0 || feed.stream?.readyState === EventSource.OPEN) return;
  if (document.visibilityState === "visible") {
    try {
      const response = await fetch(`${base(source)}/totals`, { cache: "no-store" });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      publish(feed, (await response.json()) as TotalsSnapshot);
      feed.failures = 0;
    } catch {
      feed.failures += 1;
    }
  }
  feed.pollTimer = setTimeout(
    () => void poll(source, feed),
    Math.min(POLL_MS * 2 ** feed.failures, MAX_BACKOFF_MS),
  );
}

/** The push stream; when it drops, poll, and open it again with back-off. */
function openStream(source: TotalsSource, feed: Feed, attempt = 0) {
  if (feed.listeners.size === 0 || typeof EventSource === "undefined") return void poll(source, feed);
  const stream = new EventSource(`${base(source)}/stream`);
  feed.stream = stream;
  stream.addEventListener("totals", (event) => {
    attempt = 0;
    clearTimeout(feed.pollTimer);
    publish(feed, JSON.parse((event as MessageEvent<string>).data) as TotalsSnapshot);
  });
  stream.onerror = () => {
    stream.close();
    if (feed.stream !== stream) return;
    feed.stream = null;
    void poll(source, feed);
    const delay = Math.min(1_000 * 2 ** attempt, MAX_BACKOFF_MS);
    feed.reopenTimer = setTimeout(() => openStream(source, feed, attempt + 1), delay);
  };
}

function subscribe(source: TotalsSource, listener: () => void): () => void {
  const key = base(source);
  let feed = feeds.get(key);
  if (!feed) {
    feed = {
      snapshot: null,
      listeners: new Set(),
      stream: null,
      pollTimer: undefined,
      reopenTimer: undefined,
      failures: 0,
    };
    feeds.set(key, feed);
  }
  const current = feed;
  current.listeners.add(listener);
  if (current.listeners.size === 1) openStream(source, current);
  return () => {
    current.listeners.delete(listener);
    if (current.listeners.size > 0) return;
    clearTimeout(current.pollTimer);
    clearTimeout(current.reopenTimer);
    current.stream?.close();
    current.stream = null;
  };
}

/** The latest value read from a petition's or pledge's totals, starting from the page's own. */
export function useLiveValue<T>(
  source: TotalsSource,
  read: (snapshot: Record<string, unknown>) => T | undefined,
  initial: T,
): T {
  return useSyncExternalStore(
    (listener) => subscribe(source, listener),
    () => {
      const snapshot = feeds.get(base(source))?.snapshot;
      const value = snapshot ? read(snapshot) : undefined;
      return value === undefined ? initial : value;
    },
    () => initial,
  );
}

/** The latest value of one numeric field of a petition's or pledge's totals. */
export function useLiveNumber(
  source: TotalsSource,
  read: (snapshot: Record<string, unknown>) => unknown,
  initial: number,
) {
  return useLiveValue(
    source,
    (snapshot) => {
      const value = read(snapshot);
      return typeof value === "number" ? value : undefined;
    },
    initial,
  );
}

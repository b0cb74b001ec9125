import { getPetitionTotals } from "@/db/queries/petitions";
import { getPledgeTotals } from "@/db/queries/pledges";
import { getTotalsSubjectId, listenForTotalChanges } from "@/db/queries/totals-feed";
import { logError } from "@/lib/log";

export type TotalsKind = "petition" | "pledge";
type Send = (json: string) => void;

/** A burst of confirmations becomes at most this many updates a second on each stream. */
const MIN_UPDATE_GAP_MS = 250;
/** Where the database cannot push (Vercel's pooled connections), how often totals are re-read. */
const POLL_MS = 1_000;

interface Feed {
  key: string;
  kind: TotalsKind;
  slug: string;
  subjectId: string;
  clients: Set<Send>;
  last: string | null;
  lastSentAt: number;
  timer: ReturnType<typeof setTimeout> | null;
}

/** What a stream holds on to: opaque outside this module. */
export type TotalsFeed = Pick<Feed, "key">;

interface Hub {
  feeds: Map<string, Feed>;
  opening: Map<string, Promise<Feed | null>>;
  started: Promise<void> | null;
  /** How changes reach this instance, once the first stream opened: pushed by the database, or polled. */
  mode: "listening" | "polling" | null;
}

// One hub, and so one database listener, per instance, however many people are watching.
const hub = ((globalThis as { upstandTotalsHub?: Hub }).upstandTotalsHub ??= { feeds: new Map(), opening: new Map(), started: null, mode: null });

// Fresh, from the primary: the feed reads right after a commit is announced (one read per change
// per instance, however many watch).
function readTotals(feed: Feed): Promise<unknown> {
  return feed.kind === "petition" ? getPetitionTotals(feed.slug, { fresh: true }) : getPledgeTotals(feed.slug, { fresh: true });
}

function refresh(feed: Feed): void {
  if (feed.timer) return;
  const wait = Math.max(0, feed.lastSentAt + MIN_UPDATE_GAP_MS - Date.now());
  feed.timer = setTimeout(async () => {
    feed.timer = null;
    try {
      const json = JSON.stringify(await readTotals(feed));
      if (json === feed.last) return;
      feed.last = json;
      feed.lastSentAt = Date.now();
      for (const send of feed.clients) send(json);
    } catch (error) {
      logError(`live: read the totals of ${feed.kind} ${feed.slug}`, error);
    }
  }, wait);
}

function refreshAll(filter: (feed: Feed) => boolean = () => true): void {
  for (const feed of hub.feeds.values()) if (filter(feed)) refresh(feed);
}

/** For the health check: "idle" until someone first watches a total on this instance. */
export function listenerState(): "idle" | "starting" | "listening" | "polling" {
  return hub.mode ?? (hub.started ? "starting" : "idle");
}

function start(): Promise<void> {
  hub.started ??= listenForTotalChanges(
    (subject, subjectId) =>
      // A commitment's total is part of its pledge's totals; there are few pledges, so refresh them all.
      refreshAll((feed) => (subject === "commitment" ? feed.kind === "pledge" : feed.subjectId === subjectId)),
    () => refreshAll(),
  ).then(
    (stop) => {
      hub.mode = stop ? "listening" : "polling";
      if (!stop) setInterval(() => refreshAll(), POLL_MS).unref();
    },
    (error) => {
      hub.started = null;
      throw error;
    },
  );
  return hub.started;
}

/**
 * The feed of a petition's or pledge's totals, with its current totals in `last`; null when
 * there is nothing by that slug. While anyone watches, the feed stays open and current, so a
 * new stream costs no query; the first after a quiet spell costs two, shared by every stream
 * that opens while they run (a crowd arriving at once makes one lookup, not one each).
 */
export function openTotalsFeed(kind: TotalsKind, slug: string): Promise<TotalsFeed | null> {
  const key = `${kind}:${slug}`;
  const open = hub.feeds.get(key);
  if (open) return Promise.resolve(open);
  let opening = hub.opening.get(key);
  if (!opening) {
    opening = (async () => {
      const subjectId = await getTotalsSubjectId(kind, slug);
      if (!subjectId) return null;
      await start();
      const feed: Feed = { key, kind, slug, subjectId, clients: new Set(), last: null, lastSentAt: 0, timer: null };
      feed.last = JSON.stringify(await readTotals(feed));
      hub.feeds.set(key, feed);
      return feed;
    })()
      .catch((error: unknown) => {
        // Logged once for the crowd that was waiting on it, not once for each of them.
        console.error("[live] could not open a totals stream", error);
        throw error;
      })
      .finally(() => hub.opening.delete(key));
    hub.opening.set(key, opening);
  }
  return opening;
}

/** Sends `send` the feed's current totals now, from memory, and on every change; returns the function that stops it. */
export function subscribeToFeed(opened: TotalsFeed, send: Send): () => void {
  // The feed may have closed (its last watcher left) since it was opened; then it opens again.
  const current = hub.feeds.get(opened.key);
  const feed = current ?? (opened as Feed);
  if (!current) {
    hub.feeds.set(feed.key, feed);
    refresh(feed);
  }
  feed.clients.add(send);
  send(feed.last!);
  return () => {
    feed.clients.delete(send);
    if (feed.clients.size === 0 && hub.feeds.get(feed.key) === feed) {
      if (feed.timer) clearTimeout(feed.timer);
      feed.timer = null;
      hub.feeds.delete(feed.key);
    }
  };
}

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
  kind: TotalsKind;
  slug: string;
  subjectId: string;
  clients: Set<Send>;
  last: string | null;
  lastSentAt: number;
  timer: ReturnType<typeof setTimeout> | null;
}

interface Hub {
  feeds: Map<string, Feed>;
  started: Promise<void> | null;
}

// One hub, and so one database listener, per instance, however many people are watching.
const hub = ((globalThis as { upstandTotalsHub?: Hub }).upstandTotalsHub ??= { feeds: new Map(), started: null });

function readTotals(feed: Feed): Promise<unknown> {
  return feed.kind === "petition" ? getPetitionTotals(feed.slug) : getPledgeTotals(feed.slug);
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

function start(): Promise<void> {
  hub.started ??= listenForTotalChanges(
    (subject, subjectId) =>
      // A commitment's total is part of its pledge's totals; there are few pledges, so refresh them all.
      refreshAll((feed) => (subject === "commitment" ? feed.kind === "pledge" : feed.subjectId === subjectId)),
    () => refreshAll(),
  ).then(
    (stop) => {
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
 * Sends `send` the totals now and on every change; null when there is nothing by that slug.
 * Returns the function that stops it.
 */
export async function subscribeToTotals(kind: TotalsKind, slug: string, send: Send): Promise<(() => void) | null> {
  const key = `${kind}:${slug}`;
  let feed = hub.feeds.get(key);
  if (!feed) {
    const subjectId = await getTotalsSubjectId(kind, slug);
    if (!subjectId) return null;
    feed = hub.feeds.get(key) ?? { kind, slug, subjectId, clients: new Set(), last: null, lastSentAt: 0, timer: null };
    hub.feeds.set(key, feed);
  }
  await start();
  const current = JSON.stringify(await readTotals(feed));
  feed.last ??= current;
  feed.clients.add(send);
  send(current);
  const subscribed = feed;
  return () => {
    subscribed.clients.delete(send);
    if (subscribed.clients.size === 0 && hub.feeds.get(key) === subscribed) {
      if (subscribed.timer) clearTimeout(subscribed.timer);
      hub.feeds.delete(key);
    }
  };
}

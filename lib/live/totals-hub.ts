import { getPetitionTotals } from "@/db/queries/petitions";
import { getPledgeTotals } from "@/db/queries/pledges";
import { getTotalsSubjectId, listenForTotalChanges } from "@/db/queries/totals-feed";
import { logError } from "@/lib/log";

export type TotalsKind = "petition" | "pledge";
/** Takes one event's bytes: the same bytes for every stream, which must not change them. */
type Send = (event: Uint8Array) => void;

/** A burst of confirmations becomes at most this many updates a second on each stream. */
const MIN_UPDATE_GAP_MS = 250;
/** Where the database cannot push (Vercel's pooled connections), how often totals are re-read. */
const POLL_MS = 1_000;
/** How often an open stream gets a comment, so proxies and browsers do not close it as idle. */
const HEARTBEAT_MS = 15_000;
/** Streams written to in one turn of the event loop when a change is sent out. */
const FAN_OUT_SLICE = 500;

const encoder = new TextEncoder();
const KEEP_ALIVE = encoder.encode(": keep-alive\n\n");

// Encoded once per change, not once per stream: with 10,000 streams open, one string and one
// copy per stream for every update was most of the server's work (docs/PERFORMANCE.md).
function totalsEvent(json: string): Uint8Array {
  return encoder.encode(`event: totals\ndata: ${json}\n\n`);
}

interface Feed {
  key: string;
  kind: TotalsKind;
  slug: string;
  subjectId: string;
  clients: Set<Send>;
  last: string | null;
  /** `last` as the event a stream is sent. */
  lastEvent: Uint8Array | null;
  lastSentAt: number;
  timer: ReturnType<typeof setTimeout> | null;
  /** Reading the totals or sending them out. */
  busy: boolean;
  /** A change was noticed while busy: read again when done. */
  stale: boolean;
}

/** What a stream holds on to: opaque outside this module. */
export type TotalsFeed = Pick<Feed, "key">;

interface Hub {
  feeds: Map<string, Feed>;
  opening: Map<string, Promise<Feed | null>>;
  started: Promise<void> | null;
  /** How changes reach this instance, once the first stream opened: pushed by the database, or polled. */
  mode: "listening" | "polling" | null;
  /** One timer for every open stream's keep-alive, rather than one per stream. */
  heartbeat: ReturnType<typeof setInterval> | null;
}

// One hub, and so one database listener, per instance, however many people are watching.
const hub = ((globalThis as { upstandTotalsHub?: Hub }).upstandTotalsHub ??= {
  feeds: new Map(),
  opening: new Map(),
  started: null,
  mode: null,
  heartbeat: null,
});

// Fresh, from the primary: the feed reads right after a commit is announced (one read per change
// per instance, however many watch).
function readTotals(feed: Feed): Promise<unknown> {
  return feed.kind === "petition"
    ? getPetitionTotals(feed.slug, { fresh: true })
    : getPledgeTotals(feed.slug, { fresh: true });
}

/**
 * Sends `event` to every stream of the feed, FAN_OUT_SLICE at a time with a turn of the event
 * loop between slices, then calls `done`: a write to 10,000 sockets takes 50 to 100 ms on a
 * loaded 2-core machine, and in one go it would hold up every confirmation's round trips to the
 * database meanwhile.
 */
function fanOut(feed: Feed, event: Uint8Array, done: () => void): void {
  const clients = [...feed.clients];
  let next = 0;
  const sendSlice = () => {
    const end = Math.min(next + FAN_OUT_SLICE, clients.length);
    for (; next < end; next++) if (feed.clients.has(clients[next]!)) clients[next]!(event);
    if (next < clients.length) setImmediate(sendSlice);
    else done();
  };
  sendSlice();
}

/**
 * Reads the feed's totals again and sends them to its streams if they changed, at least
 * MIN_UPDATE_GAP_MS after the last change finished going out. One read and send at a time: a
 * change noticed meanwhile is read once it is over, so a slow send to many streams spaces the
 * updates out instead of piling them up, and every stream gets each update it is sent.
 */
function refresh(feed: Feed): void {
  if (feed.busy) {
    feed.stale = true;
    return;
  }
  if (feed.timer) return;
  const wait = Math.max(0, feed.lastSentAt + MIN_UPDATE_GAP_MS - Date.now());
  feed.timer = setTimeout(async () => {
    feed.timer = null;
    feed.busy = true;
    const finished = () => {
      feed.busy = false;
      if (feed.stale) {
        feed.stale = false;
        refresh(feed);
      }
    };
    try {
      const json = JSON.stringify(await readTotals(feed));
      if (json === feed.last) return finished();
      feed.last = json;
      const event = (feed.lastEvent = totalsEvent(json));
      fanOut(feed, event, () => {
        feed.lastSentAt = Date.now();
        finished();
      });
    } catch (error) {
      logError(`live: read the totals of ${feed.kind} ${feed.slug}`, error);
      finished();
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
      refreshAll((feed) =>
        subject === "commitment" ? feed.kind === "pledge" : feed.subjectId === subjectId,
      ),
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
      const feed: Feed = {
        key,
        kind,
        slug,
        subjectId,
        clients: new Set(),
        last: null,
        lastEvent: null,
        lastSentAt: 0,
        timer: null,
        busy: false,
        stale: false,
      };
      feed.last = JSON.stringify(await readTotals(feed));
      feed.lastEvent = totalsEvent(feed.last);
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
  send(feed.lastEvent!);
  hub.heartbeat ??= setInterval(() => {
    for (const open of hub.feeds.values()) for (const client of open.clients) client(KEEP_ALIVE);
  }, HEARTBEAT_MS).unref();
  return () => {
    feed.clients.delete(send);
    if (feed.clients.size === 0 && hub.feeds.get(feed.key) === feed) {
      if (feed.timer) clearTimeout(feed.timer);
      feed.timer = null;
      hub.feeds.delete(feed.key);
    }
  };
}

import { randomBytes } from "node:crypto";
import pg from "pg";
import { startSmtpInbox, type ReceivedMail } from "../tests/helpers/smtp-inbox";
import { freePort } from "../scripts/free-port";
import { INSTANCE_HEADER, startHaproxy } from "./haproxy";
import { startPgBouncer } from "../tests/helpers/pgbouncer";
import { startPostgresCluster } from "./postgres";
import { startBenchServer, type BenchServer } from "./serve";

// `npm run bench:cluster`: Postgres, PgBouncer (transaction mode), three production instances
// and HAProxy in front. 64 connections sign and confirm for 30 s through the balancer while
// 1,000 totals streams stay open on the instances; one instance is killed with SIGKILL mid-run
// and restarted. Beside it, in the same run, the same load against one instance directly.
// Ends with one JSON line; exits non-zero if anything was lost, counted twice, mailed twice,
// or if two reconciliation runs overlapped.
const CONNECTIONS = 64;
const PHASE_MS = 30_000;
const STREAMS = 1_000;
const KILL_AT_MS = 8_000;
/** After the restarted instance holds streams again, load goes on at least this long. */
const AFTER_RESTART_MS = 5_000;
/** A supporter who has no email this long after signing gives up (counted as mailLate). */
const MAIL_WAIT_MS = 20_000;
/** Each instance tries to reconcile this often, so that runs contend during the load. */
const RECONCILE_EVERY_SECONDS = 5;
const NAMES = ["a", "b", "c"] as const;
const VICTIM = "c";
const SLUG = "protect-children-online";
/** As a browser's EventSource does after a dropped stream: the stream's `retry: 2000`. */
const STREAM_RETRY_MS = 2_000;
const LIFTED = "1000000/1";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const run = randomBytes(3).toString("hex");
const ipOf = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

// The mail sink: every message really goes through SMTP; counted per recipient and per Message-ID.
const mailsPerRecipient = new Map<string, number>();
const mailsPerMessageId = new Map<string, number>();
const tokens = new Map<string, string>();
const waiting = new Map<string, (token: string) => void>();
/** When each supporter's signing was acknowledged, and how long each email then took to arrive. */
const signedAt = new Map<string, number>();
const mailDelays: number[] = [];
/** Supporters whose token was used: a later copy of their link is not a token to wait for. */
const answered = new Set<string>();

function bodyOf(raw: string): string {
  const split = raw.indexOf("\r\n\r\n");
  const headers = raw.slice(0, split);
  const body = raw.slice(split + 4);
  if (/^content-transfer-encoding:\s*base64/im.test(headers))
    return Buffer.from(body, "base64").toString("utf8");
  if (/^content-transfer-encoding:\s*quoted-printable/im.test(headers)) {
    return body
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
  return body;
}

function onMail(mail: ReceivedMail) {
  const messageId = /^message-id:\s*(\S+)/im.exec(mail.raw)?.[1] ?? "";
  mailsPerMessageId.set(messageId, (mailsPerMessageId.get(messageId) ?? 0) + 1);
  const token = /\/confirm\/([\w-]+)/.exec(bodyOf(mail.raw))?.[1];
  for (const to of mail.to) {
    const signed = signedAt.get(to);
    if (signed !== undefined) mailDelays.push(performance.now() - signed);
    signedAt.delete(to);
    mailsPerRecipient.set(to, (mailsPerRecipient.get(to) ?? 0) + 1);
    if (token && !answered.has(to)) tokenArrived(to, token);
  }
}

function tokenArrived(recipient: string, token: string) {
  const waiter = waiting.get(recipient);
  if (waiter) waiter(token);
  else tokens.set(recipient, token);
}

/**
 * The confirm link also from the outbox table, for mail not sent yet: a supporter is not held up
 * by the outbox's sending rate (measured apart, as mailDelay), and every message is either still
 * unsent there (the partial index on unsent mail finds it) or already in the sink.
 */
function pollOutbox(db: pg.Pool, isStopped: () => boolean): Promise<void> {
  const seen = new Set<string>();
  let since = new Date(0);
  return (async () => {
    while (!isStopped()) {
      const rows = await db
        .query<{ recipient: string; text_body: string; send_after: Date }>(
          "select recipient, text_body, send_after from outbox_messages where sent_at is null and send_after > $1 and recipient like $2",
          [since, `cluster-${run}-%`],
        )
        .then(
          (result) => result.rows,
          () => [],
        );
      for (const row of rows) {
        if (seen.has(row.recipient)) continue;
        seen.add(row.recipient);
        const token = /\/confirm\/([\w-]+)/.exec(row.text_body)?.[1];
        if (token && !answered.has(row.recipient)) tokenArrived(row.recipient, token);
      }
      // Transactions commit out of order: look five seconds back each time.
      const newest = Math.max(since.getTime() + 5_000, ...rows.map((row) => row.send_after.getTime()));
      since = new Date(newest - 5_000);
      await sleep(250);
    }
  })();
}

function tokenFor(recipient: string): Promise<string | null> {
  const token = tokens.get(recipient);
  if (token) return Promise.resolve(token);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      waiting.delete(recipient);
      resolve(null);
    }, MAIL_WAIT_MS);
    waiting.set(recipient, (arrived) => {
      clearTimeout(timer);
      waiting.delete(recipient);
      resolve(arrived);
    });
  });
}

interface Tally {
  signed: number;
  signFailed: number;
  mailLate: number;
  confirmFailed: number;
  /** What each failed request got: "sign 502", "confirm no answer"... */
  failures: Record<string, number>;
  acknowledged: string[];
  committedAt: number[];
  seconds: number;
}

let nextSupporter = 1;

const countFailure = (tally: Tally, what: string) => (tally.failures[what] = (tally.failures[what] ?? 0) + 1);

/** One supporter: signs, waits for the email, presses its Confirm button. */
async function signAndConfirm(url: string, tally: Tally): Promise<void> {
  const i = nextSupporter++;
  const email = `cluster-${run}-${i}@example.org`;
  try {
    const response = await fetch(`${url}/api/petitions/${SLUG}/signatures`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Real-IP": ipOf(i) },
      body: JSON.stringify({
        firstName: "Cluster",
        lastName: "Bench",
        email,
        country: "FR",
        acceptsPrivacy: true,
      }),
    });
    await response.arrayBuffer();
    if (response.status !== 202) {
      tally.signFailed++;
      countFailure(tally, `sign ${response.status}`);
      return;
    }
  } catch {
    tally.signFailed++;
    countFailure(tally, "sign no answer");
    return;
  }
  tally.signed++;
  signedAt.set(email, performance.now());
  const token = await tokenFor(email);
  tokens.delete(email);
  answered.add(email);
  if (!token) {
    tally.mailLate++;
    return;
  }
  // The Confirm button's form post, as pressConfirm sends it; success is the 303 back to its page.
  const response = await fetch(`${url}/api/links/confirm`, {
    method: "POST",
    body: new URLSearchParams({ token, kind: "petition" }),
    redirect: "manual",
  }).catch(() => null);
  await response?.arrayBuffer().catch(() => {});
  if (response?.status !== 303 || response.headers.get("location") !== `/confirm/${token}`) {
    tally.confirmFailed++;
    countFailure(
      tally,
      response
        ? `confirm ${response.status} ${response.headers.get("location") ?? ""}`.trim()
        : "confirm no answer",
    );
    return;
  }
  tally.acknowledged.push(email);
  tally.committedAt.push(performance.now());
}

async function runPhase(url: string, isDone: (elapsedMs: number) => boolean): Promise<Tally> {
  const tally: Tally = {
    signed: 0,
    signFailed: 0,
    mailLate: 0,
    confirmFailed: 0,
    failures: {},
    acknowledged: [],
    committedAt: [],
    seconds: 0,
  };
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (!isDone(performance.now() - started)) await signAndConfirm(url, tally);
    }),
  );
  tally.seconds = (performance.now() - started) / 1000;
  return tally;
}

/** A browser's totals stream through the balancer, reconnecting as EventSource does. */
interface Watcher {
  instance: string | null;
  /** [verified total, when it arrived], in arrival order. */
  events: [number, number][];
  latest: number;
  reconnects: number;
  controller: AbortController;
  reconnectNow: boolean;
}

function watch(
  url: string,
  index: number,
  isStopped: () => boolean,
): { watcher: Watcher; opened: Promise<void>; done: Promise<void> } {
  const watcher: Watcher = {
    instance: null,
    events: [],
    latest: -1,
    reconnects: 0,
    controller: new AbortController(),
    reconnectNow: false,
  };
  let markOpened = () => {};
  const opened = new Promise<void>((resolve) => (markOpened = resolve));
  const done = (async () => {
    while (!isStopped()) {
      watcher.controller = new AbortController();
      try {
        const response = await fetch(`${url}/api/petitions/${SLUG}/stream`, {
          signal: watcher.controller.signal,
          headers: { "X-Real-IP": `10.200.${(index >> 8) & 255}.${index & 255}` },
        });
        if (!response.ok || !response.body) throw new Error(String(response.status));
        watcher.instance = response.headers.get(INSTANCE_HEADER);
        markOpened();
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        let buffer = "";
        for (let part = await reader.read(); !part.done; part = await reader.read()) {
          buffer += decoder.decode(part.value, { stream: true });
          let end: number;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const data = /^data: (.+)$/m.exec(buffer.slice(0, end))?.[1];
            buffer = buffer.slice(end + 2);
            if (!data) continue;
            const verified = (JSON.parse(data) as { verified: number }).verified;
            watcher.events.push([verified, performance.now()]);
            watcher.latest = Math.max(watcher.latest, verified);
          }
        }
      } catch {
        // dropped, refused or aborted: retried below unless the bench is over
      }
      watcher.instance = null;
      if (isStopped()) break;
      if (watcher.reconnectNow) watcher.reconnectNow = false;
      else await sleep(STREAM_RETRY_MS);
      watcher.reconnects++;
    }
    markOpened();
  })();
  return { watcher, opened, done };
}

/** For each acknowledged commit (in order), how long until each stream showed it. */
function deliveryDelays(
  watchers: Watcher[],
  committedAt: number[],
  base: number,
  isCounted: (committedAt: number) => boolean = () => true,
) {
  const commits = [...committedAt].sort((a, b) => a - b);
  const delays: number[] = [];
  let undelivered = 0;
  for (const watcher of watchers) {
    let highest = -1;
    let k = 0;
    for (const [verified, at] of watcher.events) {
      highest = Math.max(highest, verified);
      while (k < commits.length && highest >= base + k + 1) {
        if (isCounted(commits[k]!)) delays.push(Math.max(0, at - commits[k]!));
        k++;
      }
    }
    undelivered += commits.length - k;
  }
  delays.sort((a, b) => a - b);
  return { delays, undelivered };
}

const quantile = (sorted: number[], q: number) =>
  Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? -1);

const stops: (() => unknown)[] = [];
async function stopAll() {
  for (const stop of stops.reverse()) {
    try {
      await stop();
    } catch (error) {
      console.error("[bench:cluster] stopping:", error);
    }
  }
  stops.length = 0;
}
// Whatever goes wrong, the servers, pooler, balancer and database this bench started are stopped.
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => void stopAll().then(() => process.exit(130)));
process.once("uncaughtException", (error) => {
  console.error(error);
  void stopAll().then(() => process.exit(1));
});

let failed = false;
try {
  const cluster = await startPostgresCluster();
  stops.push(() => cluster.stop());
  const pooler = await startPgBouncer(cluster.url, { poolSize: 40 });
  stops.push(() => pooler.stop());
  const inbox = await startSmtpInbox(onMail);
  stops.push(() => inbox.close());
  const db = new pg.Pool({ connectionString: cluster.url, max: 4 });
  stops.push(() => db.end());
  let isPolling = true;
  const poller = pollOutbox(db, () => !isPolling);
  stops.push(() => {
    isPolling = false;
    return poller;
  });

  const environment = {
    DATABASE_URL: pooler.url(cluster.url),
    DATABASE_DIRECT_URL: cluster.url,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    TRUSTED_PROXY_HEADER: "x-real-ip",
    // A pooled transport keeps its SMTP connections open between messages, as a production
    // setting should (nodemailer reads ?pool=true from the URL).
    SMTP_URL: `${inbox.url}/?pool=true`,
    DEV_MAILBOX: "off",
    RECONCILE_EVERY_SECONDS: String(RECONCILE_EVERY_SECONDS),
    FLOOD_LIMIT_PAGES: LIFTED,
    FLOOD_LIMIT_TOTALS: LIFTED,
    FLOOD_LIMIT_STREAMS: LIFTED,
    FLOOD_LIMIT_SIGNING: LIFTED,
    FLOOD_LIMIT_SIGN_IN: LIFTED,
    FLOOD_STREAMS_PER_ADDRESS: "1000000",
    FLOOD_STREAMS_PER_INSTANCE: "1000000",
  };
  // One after the other: the first builds if needed, migrates and seeds; the others find it done.
  const instances: Record<string, BenchServer> = {};
  for (const name of NAMES) {
    const server = await startBenchServer(environment, { port: await freePort() });
    instances[name] = server;
    stops.push(() => server.stop());
  }
  const balancer = await startHaproxy(Object.fromEntries(NAMES.map((name) => [name, instances[name]!.port])));
  stops.push(() => balancer.stop());

  const countQuery = (state: string) =>
    db
      .query<{ n: number }>(
        "select coalesce(sum(c.count), 0)::int as n from count_slots c join petitions p on p.id = c.subject_id where c.subject = 'petition' and p.slug = $1 and c.state = $2",
        [SLUG, state],
      )
      .then((result) => result.rows[0]!.n);

  // 1. One instance, directly.
  const single = await runPhase(instances.a!.url, (elapsed) => elapsed >= PHASE_MS);

  // 2. The streams, spread by the balancer.
  let isStopped = false;
  const streams = Array.from({ length: STREAMS }, (_, i) => watch(balancer.url, i, () => isStopped));
  await Promise.all(streams.map((stream) => stream.opened));
  const watchers = streams.map((stream) => stream.watcher);
  const perInstance = () =>
    Object.fromEntries(NAMES.map((name) => [name, watchers.filter((w) => w.instance === name).length]));
  const streamsAtStart = perInstance();

  // 3. Through the balancer, with one instance killed and restarted on the way.
  const base = await countQuery("verified");
  let restartedAt: number | null = null;
  let killedAt = Infinity;
  let restartMs = 0;
  const clusterStarted = performance.now();
  const chaos = (async () => {
    await sleep(KILL_AT_MS);
    killedAt = performance.now();
    await instances[VICTIM]!.kill9();
    await instances[VICTIM]!.restart();
    // Until the balancer has seen it healthy again (two checks), then new visitors arrive: a
    // third of the streams close and reopen, so the restarted instance holds some too.
    for (let seen = false; !seen;) {
      const response = await fetch(`${balancer.url}/api/health`).catch(() => null);
      await response?.arrayBuffer();
      seen = response?.headers.get(INSTANCE_HEADER) === VICTIM;
      if (!seen) await sleep(200);
    }
    restartMs = Math.round(performance.now() - killedAt);
    for (const watcher of watchers.filter((_, i) => i % 3 === 0)) {
      watcher.reconnectNow = true;
      watcher.controller.abort();
    }
    restartedAt = performance.now();
  })();
  const clustered = await runPhase(
    balancer.url,
    (elapsed) =>
      elapsed >= PHASE_MS && restartedAt !== null && performance.now() - restartedAt >= AFTER_RESTART_MS,
  );
  await chaos;
  isPolling = false;
  await poller;

  // Every stream catches up with the final total, or is given up on after 15 s.
  const finalVerified = await countQuery("verified");
  for (const deadline = Date.now() + 15_000; Date.now() < deadline; await sleep(200)) {
    if (watchers.every((w) => w.instance === null || w.latest >= finalVerified)) break;
  }
  const streamsAtEnd = perInstance();
  const { delays, undelivered } = deliveryDelays(watchers, clustered.committedAt, base);
  // The same, leaving out commits from the kill until the restarted instance holds streams again.
  const outageEnd = restartedAt! + STREAM_RETRY_MS;
  const calm = deliveryDelays(
    watchers,
    clustered.committedAt,
    base,
    (at) => at < killedAt || at > outageEnd,
  ).delays;
  isStopped = true;
  for (const watcher of watchers) watcher.controller.abort();
  await Promise.all(streams.map((stream) => stream.done));

  // Every email leaves the outbox: mail leased by the killed instance waits for its lease (two
  // minutes). One it was handing to the mail server when it died is never sent again (it may have
  // been delivered): counted apart, with whether the sink had received it.
  let unsent = 0;
  for (const deadline = Date.now() + 200_000; Date.now() < deadline; await sleep(1_000)) {
    unsent = (
      await db.query<{ n: number }>(
        "select count(*)::int as n from outbox_messages where sent_at is null and handed_at is null",
      )
    ).rows[0]!.n;
    if (unsent === 0) break;
  }
  const cutOff = (
    await db.query<{ id: string }>(
      "select id from outbox_messages where sent_at is null and handed_at is not null",
    )
  ).rows;
  const cutOffDelivered = cutOff.filter(({ id }) => mailsPerMessageId.has(`<${id}@upstand.outbox>`)).length;

  const acknowledged = [...single.acknowledged, ...clustered.acknowledged];
  const found = (
    await db.query<{ n: number }>(
      "select count(distinct email)::int as n from signatures where email = any($1) and state = 'verified'",
      [acknowledged],
    )
  ).rows[0]!.n;
  const twiceSigned = (
    await db.query<{ n: number }>(
      "select count(*)::int as n from (select s.email from signatures s join petitions p on p.id = s.petition_id where p.slug = $1 group by s.email having count(*) > 1) twice",
      [SLUG],
    )
  ).rows[0]!.n;
  const verifiedRows = (
    await db.query<{ n: number }>(
      "select count(*)::int as n from signatures s join petitions p on p.id = s.petition_id where p.slug = $1 and s.state = 'verified'",
      [SLUG],
    )
  ).rows[0]!.n;
  const verifiedCounted = await countQuery("verified");
  const runs = (
    await db.query<{ runs: number; repaired: number }>(
      "select count(*)::int as runs, coalesce(sum(row_count), 0)::int as repaired from audit_log where action = 'counts.reconciled'",
    )
  ).rows[0]!;
  const overlapping = (
    await db.query<{ n: number }>(`
      with runs as (
        select id, (details->>'startedAt')::timestamptz as started, (details->>'finishedAt')::timestamptz as finished
          from audit_log where action = 'counts.reconciled'
      )
      select count(*)::int as n from runs a join runs b on a.id < b.id where a.started < b.finished and b.started < a.finished`)
  ).rows[0]!.n;
  const mailedTwice = [...mailsPerRecipient.entries()].filter(
    ([recipient, n]) => recipient.startsWith(`cluster-${run}-`) && n > 1,
  );
  if (mailedTwice.length > 0) {
    const evidence = await db.query(
      "select recipient, attempts, sent_at, last_error from outbox_messages where recipient = any($1) order by recipient",
      [mailedTwice.map(([recipient]) => recipient)],
    );
    console.error(
      "[bench:cluster] emails delivered more than once, with their outbox rows:",
      JSON.stringify(evidence.rows),
    );
  }

  const result = {
    signaturesPerSecond: Math.round(clustered.acknowledged.length / clustered.seconds),
    singleInstanceSignaturesPerSecond: Math.round(single.acknowledged.length / single.seconds),
    acknowledged: acknowledged.length,
    lost: acknowledged.length - found,
    doubleCounted: verifiedCounted - verifiedRows + twiceSigned,
    emailsSentTwice: mailedTwice.length,
    p95DelayMs: quantile(delays, 0.95),
    reconcileRunsOverlapping: overlapping,
    p50DelayMs: quantile(delays, 0.5),
    p99DelayMs: quantile(delays, 0.99),
    p95DelayMsOutsideOutage: quantile(calm, 0.95),
    deliveries: delays.length,
    undeliveredToStreams: undelivered,
    clusterBeforeKillPerSecond: Math.round(
      clustered.committedAt.filter((at) => at < killedAt).length / ((killedAt - clusterStarted) / 1000),
    ),
    clusterSeconds: Math.round(clustered.seconds),
    clusterAcknowledged: clustered.acknowledged.length,
    clusterSigned: clustered.signed,
    clusterSignFailed: clustered.signFailed,
    clusterConfirmFailed: clustered.confirmFailed,
    clusterMailLate: clustered.mailLate,
    clusterFailures: clustered.failures,
    singleAcknowledged: single.acknowledged.length,
    singleFailed: single.signFailed + single.confirmFailed + single.mailLate,
    killedInstanceBackAfterMs: restartMs,
    streams: STREAMS,
    streamsAtStart,
    streamsAtEnd,
    streamReconnects: watchers.reduce((sum, w) => sum + w.reconnects, 0),
    duplicateMessageIds: [...mailsPerMessageId.values()].filter((n) => n > 1).length,
    mailsReceived: inbox.received.length,
    mailDelayP50Ms: quantile(
      mailDelays.sort((a, b) => a - b),
      0.5,
    ),
    mailDelayP95Ms: quantile(mailDelays, 0.95),
    outboxUnsent: unsent,
    handOversCutOff: cutOff.length,
    handOversCutOffDelivered: cutOffDelivered,
    reconcileRuns: runs.runs,
    reconcileDriftRepaired: runs.repaired,
    pooler: "pgbouncer transaction mode; LISTEN and migrations direct",
  };
  console.log(JSON.stringify(result));
  failed =
    result.lost !== 0 ||
    result.doubleCounted !== 0 ||
    result.emailsSentTwice !== 0 ||
    result.reconcileRunsOverlapping !== 0 ||
    result.reconcileDriftRepaired !== 0;
} finally {
  await stopAll();
}
process.exit(failed ? 1 : 0);

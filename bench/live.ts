import { execFileSync, fork, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runLoad } from "./load";
import { HISTOGRAM_MS, now, type StreamsOpened, type StreamsReport, type StreamsTask } from "./live-streams";
import { benchOnPostgres, pressConfirm } from "./stack";

// `npm run bench:live`: 10,000 browsers' worth of open totals streams on one instance while
// confirmations run at 100 a second. How long the streams took to open and how many failed,
// how long from a confirmation's commit to its arrival on every stream (p95), and the server's
// resident memory idle, with the streams open, and at its highest. Ends with one JSON line.
const CLIENTS = 10_000;
const RATE_PER_SECOND = 100;
const CONFIRMATIONS = 1_500;
const SLUG = "protect-children-online";
/** Client processes holding the streams, and how many of each one's streams may be connecting at once. */
const CLIENT_PROCESSES = 2;
const CONNECTING_PER_PROCESS = 200;
/** Streams sharing a client address, as phones behind one carrier address do. */
const STREAMS_PER_ADDRESS = 40;
// The flood limits exist against abuse, and the defaults (4,000 streams per address, 10,000 per
// instance) would refuse the 10,001st: lifted here so the bench measures the server, not its caps.
const LIFTED_STREAM_LIMITS = {
  FLOOD_LIMIT_STREAMS: `${2 * CLIENTS}/60`,
  FLOOD_STREAMS_PER_ADDRESS: String(2 * CLIENTS),
  FLOOD_STREAMS_PER_INSTANCE: String(2 * CLIENTS),
};
/** Open files each process needs: the server and each client hold one socket per stream. */
const FILES_NEEDED = CLIENTS + 1_024;

raiseOpenFilesLimit();

await benchOnPostgres(
  async ({ server, db }) => {
    // Pending signatures to confirm, and their tokens.
    await runLoad({
      connections: 32,
      durationMs: 120_000,
      total: CONFIRMATIONS,
      send: async (i) =>
        (
          await fetch(`${server.url}/api/petitions/${SLUG}/signatures`, {
            method: "POST",
            headers: { "Content-Type": "application/json", "X-Real-IP": `10.9.${(i >> 8) & 255}.${i & 255}` },
            body: JSON.stringify({
              firstName: "Live",
              lastName: "Bench",
              email: `live-${i}@example.org`,
              country: "FR",
              acceptsPrivacy: true,
            }),
          })
        ).status === 202,
    });
    const mails = await db.query<{ text_body: string }>(
      "select text_body from outbox_messages where recipient like 'live-%'",
    );
    const tokens = mails.rows.map((row) => /\/confirm\/([\w-]+)/.exec(row.text_body)![1]!);
    await settle();
    const idleRssMb = server.rssMb();
    let peakRssMb = idleRssMb;
    const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, server.rssMb())), 250);

    // The streams, held by child processes on raw sockets (bench/live-streams.ts).
    const port = Number(new URL(server.url).port);
    const cpuBeforeOpening = server.cpuSeconds();
    const children = Array.from({ length: CLIENT_PROCESSES }, () =>
      fork(fileURLToPath(new URL("./live-streams.ts", import.meta.url)), [], {
        execArgv: ["--import", "tsx"],
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      }),
    );
    try {
      const share = CLIENTS / CLIENT_PROCESSES;
      const opened = await Promise.all(
        children.map((child, i) => {
          const task: StreamsTask = {
            port,
            path: `/api/petitions/${SLUG}/stream`,
            count: share,
            first: i * share,
            connecting: CONNECTING_PER_PROCESS,
            streamsPerAddress: STREAMS_PER_ADDRESS,
          };
          child.send({ type: "open", task });
          return reply<StreamsOpened>(child, "opened");
        }),
      );
      const openSeconds =
        (Math.max(...opened.map((o) => o.lastOpenedAt)) - Math.min(...opened.map((o) => o.startedAt))) / 1000;
      console.error(`[bench:live] ${JSON.stringify({ opened, openSeconds, idleRssMb })}`);
      const serverCpuOpeningSeconds = server.cpuSeconds() - cpuBeforeOpening;
      await settle();
      const openRssMb = server.rssMb();
      const base = Number(
        (await db.query("select coalesce(sum(count),0)::int as n from count_slots where state = 'verified'"))
          .rows[0].n,
      );

      // Confirmations at a steady 100 a second; each remembers when it committed.
      const committedAt: number[] = [];
      let confirmationErrors = 0;
      const started = performance.now();
      const cpuBeforeConfirming = server.cpuSeconds();
      await Promise.all(
        tokens.map(async (token, i) => {
          await new Promise((resolve) => setTimeout(resolve, (i * 1000) / RATE_PER_SECOND));
          if (await pressConfirm(server.url, token).catch(() => false)) committedAt.push(now());
          else confirmationErrors++;
        }),
      );
      const confirmSeconds = (performance.now() - started) / 1000;
      const serverCpuConfirming = (server.cpuSeconds() - cpuBeforeConfirming) / confirmSeconds;
      // Time for the last updates to reach every stream.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      clearInterval(sampler);
      peakRssMb = Math.max(peakRssMb, server.rssMb());

      committedAt.sort((a, b) => a - b);
      const reports = await Promise.all(
        children.map((child) => {
          child.send({ type: "report", committedAt, base });
          return reply<StreamsReport>(child, "report");
        }),
      );
      const histogram = new Array<number>(HISTOGRAM_MS + 1).fill(0);
      for (const report of reports) report.histogram.forEach((n, ms) => (histogram[ms]! += n));
      const deliveries = reports.reduce((sum, r) => sum + r.deliveries, 0);
      const clients = opened.reduce((sum, o) => sum + o.opened, 0);
      return {
        clients,
        connectionErrors: opened.reduce((sum, o) => sum + o.errors, 0),
        openSeconds: Math.round(openSeconds * 10) / 10,
        droppedStreams: reports.reduce((sum, r) => sum + r.dropped, 0),
        confirmations: committedAt.length,
        confirmationErrors,
        confirmationsPerSecond: Math.round(committedAt.length / confirmSeconds),
        p50DelayMs: percentile(histogram, deliveries, 0.5),
        p95DelayMs: percentile(histogram, deliveries, 0.95),
        deliveries,
        expectedDeliveries: clients * committedAt.length,
        idleRssMb,
        openRssMb,
        rssMb: peakRssMb,
        perStreamKb: Math.round(((openRssMb - idleRssMb) * 1024) / clients),
        // CPU time, which a shared machine's load changes far less than it changes delays.
        serverCpuOpeningSeconds: Math.round(serverCpuOpeningSeconds * 10) / 10,
        serverCpuConfirmingPercent: Math.round(serverCpuConfirming * 100),
        clientCpuSeconds: Math.round(reports.reduce((sum, r) => sum + r.cpuSeconds, 0) * 10) / 10,
      };
    } finally {
      for (const child of children) child.kill();
    }
  },
  { serverEnv: LIFTED_STREAM_LIMITS },
);

function reply<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { type: string }) => {
      if (message.type !== type) return;
      child.off("message", onMessage);
      resolve(message as T);
    };
    child.on("message", onMessage);
    child.once("exit", (code) => reject(new Error(`a stream client exited with ${code}`)));
  });
}

function percentile(histogram: number[], total: number, q: number): number {
  const rank = Math.floor(total * q);
  let seen = 0;
  for (let ms = 0; ms < histogram.length; ms++) {
    seen += histogram[ms]!;
    if (seen > rank) return ms;
  }
  return -1;
}

/** A moment for the server's garbage collector and the kernel's accounting, so a reading is not mid-burst. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 2_000));
}

/**
 * The server and each stream client hold one open file per stream. The limit is inherited from
 * here, and Node cannot raise its own, so below FILES_NEEDED the bench runs itself again under
 * a shell that raises it (up to the hard limit; past that, root must: `ulimit -Hn`).
 */
function raiseOpenFilesLimit(): void {
  const soft = execFileSync("sh", ["-c", "ulimit -n"]).toString().trim();
  if (soft === "unlimited" || Number(soft) >= FILES_NEEDED) return;
  const hard = execFileSync("sh", ["-c", "ulimit -Hn"]).toString().trim();
  if (hard !== "unlimited" && Number(hard) < FILES_NEEDED) {
    throw new Error(
      `bench:live needs ${FILES_NEEDED} open files per process; the hard limit is ${hard} (raise it: ulimit -Hn)`,
    );
  }
  console.error(`[bench:live] open files limit ${soft}: running again with ${FILES_NEEDED}`);
  const result = spawnSync(
    "sh",
    [
      "-c",
      `ulimit -n ${FILES_NEEDED} && exec "$0" "$@"`,
      process.execPath,
      ...process.execArgv,
      path.resolve(process.argv[1]!),
      ...process.argv.slice(2),
    ],
    { stdio: "inherit" },
  );
  process.exit(result.status ?? 1);
}

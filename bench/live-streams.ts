import net from "node:net";

// A child process of `npm run bench:live` (bench/live.ts) holding its share of the open totals
// streams on raw sockets. Raw sockets, because fetch (undici) costs tens of kilobytes and a
// promise chain per stream and per chunk in the client, which on two shared cores would be
// measured as the server's delivery delay; a process of its own, so that parsing every
// stream's events never holds up the parent's clock of when confirmations committed.

/** What the parent sends: where to connect, how many streams, and how many may be connecting at once. */
export interface StreamsTask {
  port: number;
  path: string;
  count: number;
  /** Streams numbered from here, to spread them over client addresses. */
  first: number;
  connecting: number;
  streamsPerAddress: number;
}

export interface StreamsOpened {
  type: "opened";
  opened: number;
  errors: number;
  startedAt: number;
  lastOpenedAt: number;
}

export interface StreamsReport {
  type: "report";
  /** delays[ms] = how many deliveries took that many milliseconds (the last bucket: that or more). */
  histogram: number[];
  deliveries: number;
  /** Streams that ended or failed before the report was asked for. */
  dropped: number;
  /** CPU time this client process used, in seconds. */
  cpuSeconds: number;
}

/** Delays are counted in 1 ms buckets up to this; anything slower lands in the last. */
export const HISTOGRAM_MS = 60_000;

/** Wall-clock milliseconds, comparable between the bench's processes. */
export const now = () => performance.timeOrigin + performance.now();

interface Stream {
  /** Each verified total, and when this stream first saw it, in arrival order. */
  totals: number[];
  times: number[];
  open: boolean;
  failed: boolean;
}

const streams: Stream[] = [];
const DATA = 'data: {"verified":';

function openStream(task: StreamsTask, index: number, opened: () => void, failed: () => void): void {
  const stream: Stream = { totals: [], times: [], open: false, failed: false };
  streams.push(stream);
  const n = Math.floor(index / task.streamsPerAddress);
  const socket = net.connect({ host: "127.0.0.1", port: task.port });
  socket.setNoDelay(true);
  socket.setEncoding("latin1");
  socket.write(
    `GET ${task.path} HTTP/1.1\r\nHost: localhost:${task.port}\r\nAccept: text/event-stream\r\n` +
      `X-Real-IP: 10.8.${(n >> 8) & 255}.${n & 255}\r\n\r\n`,
  );
  let buffer = "";
  let headersDone = false;
  const fail = () => {
    if (stream.failed) return;
    stream.failed = true;
    if (!stream.open) failed();
    socket.destroy();
  };
  socket.on("data", (text: string) => {
    const at = now();
    buffer += text;
    if (!headersDone) {
      const end = buffer.indexOf("\r\n\r\n");
      if (end < 0) return;
      if (!buffer.startsWith("HTTP/1.1 200")) return fail();
      headersDone = true;
      buffer = buffer.slice(end + 4);
    }
    // Each event is one chunk of the chunked body; only the verified total on its `data:` line
    // matters, and it comes first (`data: {"verified":123,...`): read without parsing the rest.
    let start: number;
    while ((start = buffer.indexOf(DATA)) >= 0) {
      const end = buffer.indexOf("\n", start);
      if (end < 0) break;
      const verified = Number.parseInt(buffer.slice(start + DATA.length, start + DATA.length + 16), 10);
      buffer = buffer.slice(end + 1);
      const last = stream.totals.length ? stream.totals[stream.totals.length - 1]! : -1;
      if (verified > last) {
        stream.totals.push(verified);
        stream.times.push(at);
      }
      if (!stream.open) {
        stream.open = true;
        opened();
      }
    }
    if (buffer.length > 65_536) buffer = buffer.slice(-4_096);
  });
  socket.on("error", fail);
  socket.on("close", fail);
}

function openAll(task: StreamsTask): void {
  const startedAt = now();
  let next = 0;
  let settled = 0;
  let opened = 0;
  let errors = 0;
  let lastOpenedAt = startedAt;
  const more = () => {
    while (next < task.count && next - settled < task.connecting)
      openStream(task, task.first + next++, onOpened, onFailed);
  };
  const done = () => {
    settled++;
    if (settled === task.count) {
      process.send!({ type: "opened", opened, errors, startedAt, lastOpenedAt } satisfies StreamsOpened);
    } else more();
  };
  const onOpened = () => {
    opened++;
    lastOpenedAt = now();
    done();
  };
  const onFailed = () => {
    errors++;
    done();
  };
  more();
}

/** The k-th commit reaches a stream when the stream first shows a total of base + k or more. */
function report(committedAt: number[], base: number): StreamsReport {
  const histogram = new Array<number>(HISTOGRAM_MS + 1).fill(0);
  let deliveries = 0;
  let dropped = 0;
  for (const stream of streams) {
    if (stream.failed) dropped++;
    let e = 0;
    for (let k = 0; k < committedAt.length; k++) {
      while (e < stream.totals.length && stream.totals[e]! < base + k + 1) e++;
      if (e === stream.totals.length) break;
      const delay = Math.max(0, Math.round(stream.times[e]! - committedAt[k]!));
      histogram[Math.min(delay, HISTOGRAM_MS)]!++;
      deliveries++;
    }
  }
  const cpu = process.cpuUsage();
  return { type: "report", histogram, deliveries, dropped, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

// Only as a child: bench/live.ts imports this module for its types and constants.
if (process.send)
  process.on(
    "message",
    (
      message: { type: "open"; task: StreamsTask } | { type: "report"; committedAt: number[]; base: number },
    ) => {
      if (message.type === "open") openAll(message.task);
      else {
        process.send!(report(message.committedAt, message.base), () => process.exit(0));
      }
    },
  );

import { setMaxListeners } from "node:events";
import { runLoad } from "./load";
import { benchOnPostgres, pressConfirm } from "./stack";

// `npm run bench:live`: 2,000 browsers' worth of open totals streams while confirmations run at
// 100 a second; how long from a confirmation's commit to its arrival on every stream (p95), and
// the server's memory. Ends with one JSON line.
const CLIENTS = 2_000;
const RATE_PER_SECOND = 100;
const CONFIRMATIONS = 1_500;
const SLUG = "protect-children-online";

await benchOnPostgres(async ({ server, db }) => {
  const controller = new AbortController();
  setMaxListeners(CLIENTS + 10, controller.signal);
  try {
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

    // The streams: each remembers when it first saw each verified total.
    const arrivals: Map<number, number>[] = [];
    let connected = 0;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        const seen = new Map<number, number>();
        arrivals.push(seen);
        const response = await fetch(`${server.url}/api/petitions/${SLUG}/stream`, {
          signal: controller.signal,
        });
        connected++;
        const reader = response.body!.getReader();
        const decoder = new TextDecoder();
        void (async () => {
          let buffer = "";
          for (let part = await reader.read(); !part.done; part = await reader.read()) {
            buffer += decoder.decode(part.value, { stream: true });
            let end: number;
            while ((end = buffer.indexOf("\n\n")) >= 0) {
              const event = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const data = /^data: (.+)$/m.exec(event)?.[1];
              if (data) seen.set((JSON.parse(data) as { verified: number }).verified, performance.now());
            }
          }
        })().catch(() => {});
      }),
    );
    const base = Number(
      (await db.query("select coalesce(sum(count),0)::int as n from count_slots where state = 'verified'"))
        .rows[0].n,
    );

    // Confirmations at a steady 100 a second; each remembers when it committed.
    const committedAt: number[] = [];
    const started = performance.now();
    await Promise.all(
      tokens.map(async (token, i) => {
        await new Promise((resolve) => setTimeout(resolve, (i * 1000) / RATE_PER_SECOND));
        await pressConfirm(server.url, token);
        committedAt.push(performance.now());
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const rssMb = server.rssMb();

    // The k-th commit is delivered to a stream when it first shows a total of base + k or more.
    committedAt.sort((a, b) => a - b);
    const delays: number[] = [];
    for (const seen of arrivals) {
      const events = [...seen.entries()].sort((a, b) => a[0] - b[0]);
      let e = 0;
      for (let k = 0; k < committedAt.length; k++) {
        while (e < events.length && events[e]![0] < base + k + 1) e++;
        if (e < events.length) delays.push(Math.max(0, events[e]![1] - committedAt[k]!));
      }
    }
    delays.sort((a, b) => a - b);
    return {
      clients: connected,
      confirmations: committedAt.length,
      confirmationsPerSecond: Math.round(committedAt.length / ((performance.now() - started - 3_000) / 1000)),
      p50DelayMs: Math.round(delays[Math.floor(delays.length * 0.5)] ?? -1),
      p95DelayMs: Math.round(delays[Math.floor(delays.length * 0.95)] ?? -1),
      deliveries: delays.length,
      rssMb,
    };
  } finally {
    controller.abort();
  }
});

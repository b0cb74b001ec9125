import { randomBytes } from "node:crypto";
import { startBareNext } from "./bare-next";
import { runLoad } from "./load";
import { benchOnPostgres, pressConfirm } from "./stack";

// `npm run bench:sign`: 64 connections for 30 s of unique signatures through the signing API,
// then every one confirmed through its email's Confirm button with 64 connections, against a
// production build on a Postgres cluster of its own; beside it, in the same run, a bare
// Next.js route handler doing one INSERT. Ends with one JSON line.
const CONNECTIONS = 64;
const SIGN_MS = 30_000;
const BARE_MS = 15_000;
const SLUG = "protect-children-online";

await benchOnPostgres(async ({ server, db, databaseUrl }) => {
  const bare = await startBareNext(databaseUrl);
  try {
    const bareRun = await runLoad({
      connections: CONNECTIONS,
      durationMs: BARE_MS,
      send: async (i) =>
        (
          await fetch(`${bare.url}/api/insert`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ i }),
          })
        ).status === 202,
    });
    const run = randomBytes(3).toString("hex");
    const acknowledged: string[] = [];
    const signRun = await runLoad({
      connections: CONNECTIONS,
      durationMs: SIGN_MS,
      send: async (i) => {
        const email = `bench-${run}-${i}@example.org`;
        const response = await fetch(`${server.url}/api/petitions/${SLUG}/signatures`, {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            "X-Real-IP": `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
          },
          body: JSON.stringify({
            firstName: "Bench",
            lastName: "Mark",
            email,
            country: "FR",
            acceptsPrivacy: true,
          }),
        });
        if (response.status !== 202) return false;
        acknowledged.push(email);
        return true;
      },
    });

    // Confirm each one as a person would: the Confirm button's form post (a server action).
    const mails = await db.query<{ text_body: string }>(
      "select text_body from outbox_messages where recipient like $1",
      [`bench-${run}-%`],
    );
    const tokens = mails.rows.map((row) => /\/confirm\/([\w-]+)/.exec(row.text_body)![1]!);
    const confirmRun = await runLoad({
      connections: CONNECTIONS,
      durationMs: 600_000,
      total: tokens.length,
      send: (i) => pressConfirm(server.url, tokens[i]!),
    });

    const found = await db.query<{ n: number }>(
      "select count(*)::int as n from signatures where email = any($1)",
      [acknowledged],
    );
    const verifiedRows = await db.query<{ n: number }>(
      "select count(*)::int as n from signatures s join petitions p on p.id = s.petition_id where p.slug = $1 and s.state = 'verified'",
      [SLUG],
    );
    const verifiedTotal = await db.query<{ n: number }>(
      "select coalesce(sum(c.count), 0)::int as n from count_slots c join petitions p on p.id = c.subject_id where p.slug = $1 and c.state = 'verified'",
      [SLUG],
    );
    return {
      signatures: signRun.requests,
      signaturesPerSecond: signRun.perSecond,
      confirmationsPerSecond: confirmRun.perSecond,
      p50Ms: signRun.p50Ms,
      p99Ms: signRun.p99Ms,
      confirmP50Ms: confirmRun.p50Ms,
      confirmP99Ms: confirmRun.p99Ms,
      errors: signRun.errors + confirmRun.errors,
      lost: acknowledged.length - found.rows[0]!.n,
      doubleCounted: verifiedTotal.rows[0]!.n - verifiedRows.rows[0]!.n,
      bareRoutePerSecond: bareRun.perSecond,
      ratioToBareRoute: Math.round((signRun.perSecond / bareRun.perSecond) * 100) / 100,
    };
  } finally {
    await bare.stop();
  }
});

import { runLoad } from "./load";
import { benchOnPostgres, pressConfirm } from "./stack";
import { hashToken, newToken } from "../lib/signing/tokens";

// `npm run bench:counters`: Upstand's slotted counters beside the hot-row design, in the same
// run. Pending signatures are written straight into the database with known confirm links, then
// confirmed for 10 s at 8 and at 64 concurrent confirmations: with the slotted counters as they
// are, and with every change forced onto one counter row per total (a trigger sets the slot to
// 0), the design that serialised UK Parliament's petitions in 2019. Twice: through the Confirm
// button's form post (the server's pool of 10 connections in between, as deployed), and straight
// to the database with Upstand's own confirming statement on 8 and 64 connections. Two rounds,
// interleaved, so that a noisy neighbour hurts both designs alike. One JSON line.
const SLUG = "protect-children-online";
const PHASE_MS = 10_000;
const PENDING = 200_000;
const ROUNDS = 2;

await benchOnPostgres(async ({ server, db, databaseUrl }) => {
  process.env.DATABASE_URL = databaseUrl;
  process.env.DATABASE_POOL_MAX = "64";
  const { closeDb } = await import("../db");
  const { redeemSupportToken } = await import("../db/queries/support-tokens");
  const petition = await db.query<{ id: string }>("select id from petitions where slug = $1", [SLUG]);
  const petitionId = petition.rows[0]!.id;
  const links = Array.from({ length: PENDING }, () => newToken().token);
  const ids = await db.query<{ id: string }>(
    `insert into signatures (petition_id, state, first_name, last_name, email, email_canonical, country,
       privacy_notice_version, privacy_accepted_at, referral_code)
     select $1, 'pending', 'Bench', 'Mark', 'counter-' || i || '@example.org', 'counter-' || i || '@example.org', 'FR',
       'bench', now(), 'bench-' || i
     from generate_series(1, $2::int) as i
     returning id`,
    [petitionId, PENDING],
  );
  await db.query(
    `insert into action_tokens (token_hash, purpose, subject_id, expires_at)
     select hash, 'confirm-signature', id, now() + interval '1 day' from unnest($1::text[], $2::uuid[]) as t (hash, id)`,
    [links.map(hashToken), ids.rows.map((row) => row.id)],
  );
  await db.query(
    `insert into count_slots (subject, subject_id, state, slot, count) values ('petition', $1, 'pending', -1, $2)
     on conflict (subject, subject_id, state, slot) do update set count = count_slots.count + excluded.count`,
    [petitionId, PENDING],
  );
  await db.query(`create function bench_hot_row() returns trigger language plpgsql as $$
    begin new.slot := 0; return new; end $$`);

  let next = 0;
  const through = {
    http: () => pressConfirm(server.url, links[next++]!),
    database: async () =>
      (await redeemSupportToken("petition", hashToken(links[next++]!), "confirm")).result === "done",
  };
  type Runs = Record<"slotted" | "hotRow", { at8: number[]; at64: number[] }>;
  const results: Record<keyof typeof through, Runs> = {
    http: { slotted: { at8: [], at64: [] }, hotRow: { at8: [], at64: [] } },
    database: { slotted: { at8: [], at64: [] }, hotRow: { at8: [], at64: [] } },
  };
  for (let round = 0; round < ROUNDS; round++) {
    for (const path of ["http", "database"] as const) {
      for (const design of ["slotted", "hotRow"] as const) {
        if (design === "hotRow") {
          await db.query(
            "create trigger bench_hot_row before insert on count_slots for each row execute function bench_hot_row()",
          );
        }
        for (const connections of [8, 64] as const) {
          const run = await runLoad({ connections, durationMs: PHASE_MS, send: through[path] });
          results[path][design][connections === 8 ? "at8" : "at64"].push(run.perSecond);
        }
        if (design === "hotRow") await db.query("drop trigger bench_hot_row on count_slots");
      }
    }
  }
  await closeDb();
  const mean = (values: number[]) =>
    Math.round(values.reduce((sum, value) => sum + value, 0) / values.length);
  const summary = (runs: Runs[keyof Runs]) => {
    const at8 = mean(runs.at8);
    const at64 = mean(runs.at64);
    return { at8PerSecond: at8, at64PerSecond: at64, ratio64to8: Math.round((at64 / at8) * 100) / 100 };
  };
  const verified = await db.query<{ rows: number; total: number }>(
    `select (select count(*) from signatures where petition_id = $1 and state = 'verified')::int as rows,
       (select coalesce(sum(count), 0) from count_slots where subject_id = $1 and state = 'verified')::int as total`,
    [petitionId],
  );
  return {
    confirmations: next,
    http: { slotted: summary(results.http.slotted), hotRow: summary(results.http.hotRow) },
    database: { slotted: summary(results.database.slotted), hotRow: summary(results.database.hotRow) },
    doubleCounted: verified.rows[0]!.total - verified.rows[0]!.rows,
  };
});

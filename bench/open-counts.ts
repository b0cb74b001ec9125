import { startPostgresCluster } from "./postgres";

// `npm run bench:open-counts`: the two reads behind the open counts (docs/API.md, "Open
// counts") on a petition with 1,000,000 verified signatures, seeded straight into a Postgres
// cluster of its own: where the signers are, and signatures per hour (all in the last 48 hours,
// the viral case) and per day. Each read is timed cold (first) and then as the median of five
// (the process cache is cleared between reads, so each goes to the database). One JSON line.
const ROWS = 1_000_000;

const cluster = await startPostgresCluster();
try {
  process.env.DATABASE_URL = cluster.url;
  process.env.AUTH_SECRET ??= "a bench secret that is long enough to be accepted";
  const { closeDb, database, getDb, MIGRATIONS_FOLDER } = await import("../db");
  const { seedDemoCampaign } = await import("../db/seed");
  const { sql } = await import("drizzle-orm");
  const { clearOpenCountsCache, getSupportBreakdown, getSupportHistory } =
    await import("../db/queries/open-counts");
  await database().migrate(MIGRATIONS_FOLDER);
  await seedDemoCampaign(getDb());
  const { rows } = await getDb().execute<{ slug: string; id: string }>(
    sql`select slug, id from petitions order by created_at limit 1`,
  );
  const { slug, id } = rows[0]!;
  await getDb().execute(sql`
    insert into signatures (petition_id, state, email, email_canonical, country, postal_code, locality,
      privacy_notice_version, privacy_accepted_at, verified_at, referral_code, created_at)
    select ${id}, 'verified', 's' || i || '@example.org', 's' || i || '@example.org',
      case when i % 10 = 0 then 'CA' else 'US' end, '', 
      case when i % 10 = 0 then 'Ontario, Canada'
           when i % 10 = 9 then 'United States'
           else (array['Texas','New York','California','Illinois','Florida','Washington','Massachusetts','Georgia','Colorado'])[(i % 10)] || ', United States' end,
      'v1', now(), now(), 'r' || i, now() - (i % 172800) * interval '1 second'
    from generate_series(1, ${ROWS}::int) as i`);
  await getDb().execute(sql`analyze signatures`);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  async function time(read: () => Promise<unknown>): Promise<{ coldMs: number; medianMs: number }> {
    const runs: number[] = [];
    for (let i = 0; i < 6; i++) {
      clearOpenCountsCache();
      const started = performance.now();
      await read();
      runs.push(Math.round(performance.now() - started));
    }
    return { coldMs: runs[0]!, medianMs: median(runs.slice(1)) };
  }
  const breakdown = await time(() => getSupportBreakdown("petition", slug));
  const perHour = await time(() => getSupportHistory("petition", slug, "hour"));
  const perDay = await time(() => getSupportHistory("petition", slug, "day"));
  const check = (await getSupportBreakdown("petition", slug))!;
  console.log(JSON.stringify({ rows: ROWS, verified: check.verified, breakdown, perHour, perDay }));
  await closeDb();
} finally {
  cluster.stop();
}

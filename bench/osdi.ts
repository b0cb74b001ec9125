import { createHash, randomBytes } from "node:crypto";
import { benchOnPostgres } from "./stack";

// `npm run bench:osdi`: a partner's full sync of 1,000,000 verified signatures through the OSDI
// API (seeded by the script straight into its own Postgres cluster), from a production build, as
// an OSDI client does it: the entry point, the petitions, then the petition's signatures 25 a
// page, following `next` until a page comes back empty, one request at a time. Ends with one
// JSON line: pages and records synced, seconds and pages per second, the server's peak resident
// memory during the sync (rssMb; idleRssMb just before), and the median time of page 1, page 2
// (the first reached by a cursor) and the last full page, each asked again 7 times after the sync.
const ROWS = Number(process.env.BENCH_OSDI_ROWS ?? 1_000_000);
const SLUG = "protect-children-online";
const SAMPLES = 7;

interface Page {
  _links: { next?: { href: string }; "osdi:petitions"?: { href: string } };
  _embedded: Record<string, { _links: Record<string, { href: string }> }[]>;
}

await benchOnPostgres(
  async ({ server, db }) => {
    const petition = await db.query<{ id: string }>("select id from petitions where slug = $1", [SLUG]);
    const seeding = performance.now();
    // Dated a second apart, as signatures arrive over days; the people triggers make one person each.
    await db.query(
      `insert into signatures (petition_id, state, first_name, last_name, email, email_canonical, country, postal_code,
         comment, privacy_notice_version, privacy_accepted_at, verified_at, referral_code, wants_updates, source,
         created_at, updated_at)
       select $1, 'verified', 'Signer' || i, 'Lastname', 'signer' || i || '@example.org', 'signer' || i || '@example.org',
         'US', '20500', 'For every child, ' || i, 'bench', now(), now(), 'x' || i, i % 2 = 0, 'newsletter',
         now() - make_interval(secs => $2::int - i), now() - make_interval(secs => $2::int - i)
       from generate_series(1, $2::int) as i`,
      [petition.rows[0]!.id, ROWS],
    );
    await db.query("analyze");
    const seedSeconds = Math.round((performance.now() - seeding) / 100) / 10;

    const key = `upk_${randomBytes(32).toString("base64url")}`;
    await db.query(
      `insert into api_keys (name, prefix, secret_hash, scopes, created_by)
       values ('bench sync', $1, $2, '{read:petitions,read:people}', 'bench')`,
      [key.slice(0, 12), createHash("sha256").update(key).digest("hex")],
    );
    const get = async (url: string): Promise<Page> => {
      const response = await fetch(url, { headers: { "OSDI-API-Token": key } });
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${await response.text()}`);
      return (await response.json()) as Page;
    };

    const aep = await get(`${server.url}/api/osdi/v1`);
    const petitions = await get(aep._links["osdi:petitions"]!.href);
    const target = petitions._embedded["osdi:petitions"]!.find((item) =>
      item._links.self!.href.endsWith(petition.rows[0]!.id),
    )!;
    const firstUrl = target._links["osdi:signatures"]!.href;

    const idleMb = server.rssMb();
    let peakMb = idleMb;
    const sampler = setInterval(() => (peakMb = Math.max(peakMb, server.rssMb())), 100);
    const started = performance.now();
    let pages = 0;
    let records = 0;
    const seen = new Set<string>();
    let secondUrl = "";
    let lastUrl = "";
    for (let url: string | undefined = firstUrl; url;) {
      const page = await get(url);
      const items = page._embedded["osdi:signatures"]!;
      pages++;
      if (items.length === 0) break;
      if (pages === 2) secondUrl = url;
      if (items.length === 25) lastUrl = url;
      records += items.length;
      for (const item of items) seen.add(item._links.self!.href);
      url = page._links.next?.href;
    }
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    if (records !== ROWS || seen.size !== ROWS)
      throw new Error(`the sync saw ${records} records (${seen.size} different) of ${ROWS}`);

    const median = async (url: string) => {
      const times: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const at = performance.now();
        await get(url);
        times.push(performance.now() - at);
      }
      times.sort((a, b) => a - b);
      return Math.round(times[Math.floor(SAMPLES / 2)]! * 10) / 10;
    };
    const [firstMs, secondMs, lastMs] = [
      await median(firstUrl),
      await median(secondUrl),
      await median(lastUrl),
    ];
    return {
      rows: ROWS,
      seedSeconds,
      pages,
      records,
      seconds: Math.round(seconds * 10) / 10,
      pagesPerSecond: Math.round(pages / seconds),
      rssMb: peakMb,
      idleRssMb: idleMb,
      firstPageMs: firstMs,
      secondPageMs: secondMs,
      lastPageMs: lastMs,
      lastOverFirst: Math.round((lastMs / firstMs) * 100) / 100,
      lastOverSecond: Math.round((lastMs / secondMs) * 100) / 100,
    };
  },
  // A sync is one key's 40,000 calls in a few minutes: the limits are not what is measured.
  { serverEnv: { FLOOD_LIMIT_API_KEY: "100000000/1", FLOOD_LIMIT_PAGES: "100000000/1" } },
);

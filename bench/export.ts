import { hashPassword } from "../lib/auth/password";
import { benchOnPostgres } from "./stack";

// `npm run bench:export`: an admin's CSV export of 1,000,000 verified signatures (seeded by the
// script straight into its own Postgres cluster), downloaded over HTTP from a production build,
// as a browser would after signing in. Ends with one JSON line: rows, seconds, the server's
// peak resident memory while it streamed (rssMb; idleRssMb just before), and the file's size.
const ROWS = 1_000_000;
const SLUG = "protect-children-online";
const ADMIN = { email: "bench.admin@example.org", password: "a long bench password" };

/** The cookies a response sets, as one Cookie header, merged over the ones given. */
function withCookies(response: Response, cookies: Map<string, string>): Map<string, string> {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const at = pair!.indexOf("=");
    cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
  return cookies;
}
const cookieHeader = (cookies: Map<string, string>) =>
  [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");

await benchOnPostgres(async ({ server, db }) => {
  const petition = await db.query<{ id: string }>("select id from petitions where slug = $1", [SLUG]);
  await db.query(
    `insert into signatures (petition_id, state, first_name, last_name, email, email_canonical, country, postal_code,
       locality, comment, privacy_notice_version, privacy_accepted_at, verified_at, referral_code, wants_updates, created_at)
     select $1, 'verified', 'Signer' || i, 'Lastname', 'signer' || i || '@example.org', 'signer' || i || '@example.org', 'US',
       '20500', 'District of Columbia, United States', case when i % 10 = 0 then '=cmd|calc' else 'For every child, ' || i end,
       'bench', now(), now(), 'x' || i, i % 2 = 0, now() - make_interval(secs => $2::int - i)
     from generate_series(1, $2::int) as i`,
    [petition.rows[0]!.id, ROWS],
  );
  await db.query("analyze signatures");
  await db.query(
    "insert into users (id, email, role, password_hash) values (gen_random_uuid()::text, $1, 'admin', $2)",
    [ADMIN.email, await hashPassword(ADMIN.password)],
  );

  // Sign in as a browser does: Auth.js's CSRF token, then the password form.
  const cookies = new Map<string, string>();
  const csrf = await fetch(`${server.url}/api/auth/csrf`);
  withCookies(csrf, cookies);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(`${server.url}/api/auth/callback/password`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(cookies) },
    body: new URLSearchParams({ csrfToken, email: ADMIN.email, password: ADMIN.password }),
    redirect: "manual",
  });
  withCookies(signIn, cookies);
  if (![...cookies.keys()].some((name) => name.includes("session-token")))
    throw new Error(`sign-in failed: HTTP ${signIn.status}`);

  const idleMb = server.rssMb();
  let peakMb = idleMb;
  const sampler = setInterval(() => (peakMb = Math.max(peakMb, server.rssMb())), 100);
  const started = performance.now();
  const response = await fetch(`${server.url}/staff/export/download`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(cookies) },
    body: new URLSearchParams({ action: `petition:${SLUG}`, state: "verified", format: "csv" }),
  });
  if (!response.ok || !response.body) throw new Error(`export failed: HTTP ${response.status}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body) {
    bytes += chunk.byteLength;
    for (const byte of chunk) if (byte === 10) lines++;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  return {
    rows: lines - 1,
    seconds: Math.round(seconds * 10) / 10,
    rssMb: peakMb,
    idleRssMb: idleMb,
    megabytes: Math.round(bytes / 1e5) / 10,
  };
});

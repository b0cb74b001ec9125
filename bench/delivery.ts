import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { hashPassword } from "../lib/auth/password";
import { benchOnPostgres } from "./stack";

// `npm run bench:delivery`: a delivery pack of 100,000 confirmed signatures (seeded by the script
// straight into its own Postgres cluster; one in five with a comment, spread over U.S. states and
// a few countries), split by U.S. state with comments, made by the server's background job from
// a production build, then downloaded over HTTP as an editor's browser would. Ends with one JSON
// line: rows, seconds from the request to the pack being ready (including the job's wait for its
// next poll, at most 5 s), the PDF's pages and size, and the server's peak resident memory while
// it made the pack (rssMb; idleRssMb just before).
const ROWS = 100_000;
const SLUG = "protect-children-online";
const EDITOR = { email: "bench.editor@example.org", password: "a long bench password" };

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
  const petitionId = petition.rows[0]!.id;
  await db.query(
    `insert into signatures (petition_id, state, first_name, last_name, email, email_canonical, country, postal_code,
       locality, comment, comment_review, privacy_notice_version, privacy_accepted_at, verified_at, referral_code, created_at)
     select $1, 'verified', 'Signer' || i, 'Lastname', 'signer' || i || '@example.org', 'signer' || i || '@example.org',
       case when i % 10 = 0 then 'CA' else 'US' end, '20500',
       case when i % 10 = 0 then 'Ontario, Canada'
            else (array['Texas', 'California', 'New York', 'Ohio', 'Florida', 'Georgia', 'Maine'])[1 + i % 7] || ', United States' end,
       case when i % 5 = 0 then 'Every child deserves to be found and kept safe. Signed for my family, ' || i end,
       'kept', 'bench', now(), now() - interval '1 hour', 'x' || i, now() - make_interval(secs => $2::int - i)
     from generate_series(1, $2::int) as i`,
    [petitionId, ROWS],
  );
  await db.query("analyze signatures");
  await db.query(
    "insert into users (id, email, role, password_hash) values (gen_random_uuid()::text, $1, 'editor', $2)",
    [EDITOR.email, await hashPassword(EDITOR.password)],
  );

  const cookies = new Map<string, string>();
  const csrf = await fetch(`${server.url}/api/auth/csrf`);
  withCookies(csrf, cookies);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(`${server.url}/api/auth/callback/password`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(cookies) },
    body: new URLSearchParams({ csrfToken, email: EDITOR.email, password: EDITOR.password }),
    redirect: "manual",
  });
  withCookies(signIn, cookies);
  if (![...cookies.keys()].some((name) => name.includes("session-token")))
    throw new Error(`sign-in failed: HTTP ${signIn.status}`);

  const idleMb = server.rssMb();
  let peakMb = idleMb;
  const sampler = setInterval(() => (peakMb = Math.max(peakMb, server.rssMb())), 100);
  const started = performance.now();
  // The row the console's form writes (lib/actions/staff-delivery.ts); the server's job, polling
  // every 5 s, takes it from there.
  const asked = await db.query<{ id: string }>(
    `insert into delivery_packs (petition_id, split, includes_comments, as_of, made_by)
     values ($1, 'us-state', true, now(), $2) returning id`,
    [petitionId, EDITOR.email],
  );
  const packId = asked.rows[0]!.id;
  type PackRow = { state: string; rows_total: number; page_count: number; csv_bytes: number };
  let pack: PackRow | undefined;
  for (;;) {
    pack = (await db.query<PackRow>("select * from delivery_packs where id = $1", [packId])).rows[0];
    if (pack!.state === "done" || pack!.state === "failed") break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  if (pack!.state !== "done") throw new Error("the pack could not be made");

  const response = await fetch(`${server.url}/staff/delivery/download`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(cookies) },
    body: new URLSearchParams({ id: packId, file: "pdf" }),
  });
  if (!response.ok) throw new Error(`download failed: HTTP ${response.status}`);
  const pdf = new Uint8Array(await response.arrayBuffer());
  const pdfBytes = pdf.byteLength;
  // pdf.js takes the bytes over (the array is empty afterwards): its size is noted first.
  const document = await getDocument({ data: pdf }).promise;
  const pages = document.numPages;
  await document.destroy();
  return {
    rows: Number(pack!.rows_total),
    seconds: Math.round(seconds * 10) / 10,
    pages,
    pagesRecorded: Number(pack!.page_count),
    pdfMegabytes: Math.round(pdfBytes / 1e5) / 10,
    csvMegabytes: Math.round(Number(pack!.csv_bytes) / 1e5) / 10,
    rssMb: peakMb,
    idleRssMb: idleMb,
  };
});

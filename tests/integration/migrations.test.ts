import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, database, MIGRATIONS_FOLDER } from "@/db";
import { databaseError, dropEverything } from "../helpers/test-database";

const journal = JSON.parse(
  fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8"),
) as {
  entries: { tag: string }[];
};

/** A copy of the migrations folder that stops before `tag`: a database as an older release left it. */
function migrationsBefore(tag: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "upstand-migrations-"));
  fs.cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const index = journal.entries.findIndex((entry) => entry.tag === tag);
  expect(index).toBeGreaterThan(0);
  const older = { ...journal, entries: journal.entries.slice(0, index) };
  fs.writeFileSync(path.join(folder, "meta", "_journal.json"), JSON.stringify(older));
  return folder;
}

const TABLES = [
  "action_tokens",
  "api_keys",
  "audit_log",
  "campaigns",
  "comment_reports",
  "consent_texts",
  "consents",
  "count_slots",
  "delivery_pack_chunks",
  "delivery_packs",
  "impact_figures",
  "integrity_root_chunks",
  "integrity_roots",
  "outbox_messages",
  "people",
  "petition_updates",
  "petitions",
  "pledge_commitments",
  "pledge_taker_commitments",
  "pledge_takers",
  "pledges",
  "rate_limit_windows",
  "signature_receipts",
  "signatures",
  "staff_sign_in_failures",
  "story_pages",
  "users",
  "verification_tokens",
  "webhook_deliveries",
  "webhook_endpoints",
  "webhook_events",
  "your_data_links",
  "your_data_sessions",
];

describe("migrations", () => {
  afterAll(closeDb);

  it("apply to an empty database and create every table of the domain", async () => {
    const { db, migrate } = database();
    await dropEverything(db);
    await migrate(MIGRATIONS_FOLDER);

    const tables = await db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    expect(tables.rows.map((row) => row.table_name)).toEqual(TABLES);
    const applied = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    expect(applied.rows[0]?.n).toBe(journal.entries.length);
  });

  it("change nothing when applied a second time", async () => {
    const { db, migrate } = database();
    await migrate(MIGRATIONS_FOLDER);
    const applied = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    expect(applied.rows[0]?.n).toBe(journal.entries.length);
  });

  it("make the audit log append-only", async () => {
    const { db } = database();
    await db.execute(
      sql`insert into audit_log (action, actor_email) values ('test.append', 'staff@example.org')`,
    );
    expect(await databaseError(db.execute(sql`update audit_log set action = 'rewritten'`))).toMatch(
      /append-only/,
    );
    expect(await databaseError(db.execute(sql`delete from audit_log`))).toMatch(/append-only/);
    expect(await databaseError(db.execute(sql`truncate audit_log`))).toMatch(/append-only/);
    const kept = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'test.append'`,
    );
    expect(kept.rows[0]?.n).toBe(1);
  });

  it("hold one signature per person per petition in a unique index", async () => {
    const { db } = database();
    const [campaign] = (
      await db.execute<{ id: string }>(
        sql`insert into campaigns (slug, name, headline, summary, cause_name) values ('c', 'C', 'H', 'S', 'X') returning id`,
      )
    ).rows;
    const [petition] = (
      await db.execute<{ id: string }>(
        sql`insert into petitions (campaign_id, slug, title, target, ask, background)
            values (${campaign!.id}, 'p', 'P', 'T', 'A', 'B') returning id`,
      )
    ).rows;
    const sign = (code: string) =>
      db.execute(sql`insert into signatures
        (petition_id, email_canonical, referral_code, privacy_notice_version, privacy_accepted_at)
        values (${petition!.id}, 'ada@example.org', ${code}, '1', now())`);
    await sign("r1");
    expect(await databaseError(sign("r2"))).toMatch(/signatures_petition_email/);
    await db.execute(sql`truncate campaigns, people cascade`);
  });

  it("drop the unused Auth.js adapter tables and columns, and keep every staff member and their sign-in links", async () => {
    const { db, migrate } = database();
    await dropEverything(db);
    const older = migrationsBefore("0014_drop_unused_auth_tables");
    try {
      await migrate(older);
    } finally {
      fs.rmSync(older, { recursive: true, force: true });
    }
    await db.execute(sql`insert into users (id, name, email, image, role, password_hash, session_version)
      values ('u1', 'Ada', 'ada@staff.example', 'https://example.org/a.png', 'admin', 'argon2-hash', 3)`);
    await db.execute(
      sql`insert into accounts (user_id, type, provider, provider_account_id) values ('u1', 'email', 'email', 'ada')`,
    );
    await db.execute(
      sql`insert into sessions (session_token, user_id, expires) values ('s1', 'u1', now() + interval '1 day')`,
    );
    await db.execute(
      sql`insert into verification_tokens (identifier, token, expires) values ('ada@staff.example', 'hash', now() + interval '1 hour')`,
    );
    await db.execute(
      sql`insert into audit_log (actor_id, actor_email, action) values ('u1', 'ada@staff.example', 'test.before-drop')`,
    );

    await migrate(MIGRATIONS_FOLDER);

    const tables = await db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    expect(tables.rows.map((row) => row.table_name)).toEqual(TABLES);
    const columns = await db.execute<{ column_name: string }>(
      sql`select column_name from information_schema.columns where table_schema = 'public' and table_name = 'users' order by column_name`,
    );
    expect(columns.rows.map((row) => row.column_name)).toEqual([
      "created_at",
      "disabled_at",
      "email",
      "id",
      "password_hash",
      "role",
      "session_version",
    ]);
    const members = await db.execute(
      sql`select id, email, role, password_hash, session_version, disabled_at from users`,
    );
    expect(members.rows).toEqual([
      {
        id: "u1",
        email: "ada@staff.example",
        role: "admin",
        password_hash: "argon2-hash",
        session_version: 3,
        disabled_at: null,
      },
    ]);
    const links = await db.execute(sql`select identifier, token from verification_tokens`);
    expect(links.rows).toEqual([{ identifier: "ada@staff.example", token: "hash" }]);
    const audit = await db.execute(
      sql`select actor_id, action from audit_log where action = 'test.before-drop'`,
    );
    expect(audit.rows).toEqual([{ actor_id: "u1", action: "test.before-drop" }]);

    // The audit log keeps this member for good (append-only): leave the next file an empty database.
    await dropEverything(db);
    await migrate(MIGRATIONS_FOLDER);
  });

  it("leave every comment already shown as it was, and no petition reviewing comments first", async () => {
    const { db, migrate } = database();
    await dropEverything(db);
    const older = migrationsBefore("0015_comment_moderation");
    try {
      await migrate(older);
    } finally {
      fs.rmSync(older, { recursive: true, force: true });
    }
    const [campaign] = (
      await db.execute<{ id: string }>(
        sql`insert into campaigns (slug, name, headline, summary, cause_name) values ('c', 'C', 'H', 'S', 'X') returning id`,
      )
    ).rows;
    await db.execute(sql`insert into petitions (campaign_id, slug, title, target, ask, background)
      values (${campaign!.id}, 'p', 'P', 'T', 'A', 'B')`);
    await db.execute(sql`insert into signatures
      (petition_id, email_canonical, referral_code, privacy_notice_version, privacy_accepted_at, comment, state, is_public)
      select id, 'ada@example.org', 'r1', '1', now(), 'Shown before', 'verified', true from petitions`);

    await migrate(MIGRATIONS_FOLDER);

    const rows = await db.execute(sql`select s.comment, s.comment_review, p.reviews_comments
      from signatures s join petitions p on p.id = s.petition_id`);
    expect(rows.rows).toEqual([
      { comment: "Shown before", comment_review: "unreviewed", reviews_comments: false },
    ]);
    await db.execute(sql`truncate campaigns, people cascade`);
  });

  it("make one person of everyone who signed or pledged with one email, and keep people in step with their rows", async () => {
    const { db, migrate } = database();
    await dropEverything(db);
    const older = migrationsBefore("0020_osdi_people_and_consent");
    try {
      await migrate(older);
    } finally {
      fs.rmSync(older, { recursive: true, force: true });
    }
    const [campaign] = (
      await db.execute<{ id: string }>(
        sql`insert into campaigns (slug, name, headline, summary, cause_name) values ('c', 'C', 'H', 'S', 'X') returning id`,
      )
    ).rows;
    await db.execute(sql`insert into petitions (campaign_id, slug, title, target, ask, background)
      values (${campaign!.id}, 'p1', 'P', 'T', 'A', 'B'), (${campaign!.id}, 'p2', 'P', 'T', 'A', 'B')`);
    await db.execute(sql`insert into pledges (campaign_id, slug, title, statement, background)
      values (${campaign!.id}, 'q', 'Q', 'I will', 'B')`);
    const sign = (email: string | null, code: string, petition: string) =>
      db.execute(sql`insert into signatures
        (petition_id, email_canonical, referral_code, privacy_notice_version, privacy_accepted_at, state, updated_at)
        select id, ${email}, ${code}, '1', now(), 'verified', '2026-01-02T00:00:00Z' from petitions where slug = ${petition}`);
    await sign("ada@example.org", "r1", "p1");
    await sign("ada@example.org", "r2", "p2");
    await sign("bo@example.org", "r3", "p1");
    await sign(null, "r4", "p2");
    await db.execute(sql`insert into pledge_takers
      (pledge_id, email_canonical, referral_code, privacy_notice_version, privacy_accepted_at)
      select id, 'ada@example.org', 'r5', '1', now() from pledges`);

    await migrate(MIGRATIONS_FOLDER);

    const people = async () =>
      (
        await db.execute<{ email: string; rows: number; updated: string }>(sql`
          select p.email_canonical as email, p.updated_at::text as updated,
            (select count(*)::int from signatures s where s.person_id = p.id)
            + (select count(*)::int from pledge_takers t where t.person_id = p.id) as rows
          from people p order by p.email_canonical`)
      ).rows;
    const before = await people();
    expect(before.map(({ email, rows }) => ({ email, rows }))).toEqual([
      { email: "ada@example.org", rows: 3 },
      { email: "bo@example.org", rows: 1 },
    ]);

    // A new signature joins its person; a withdrawal moves the person's modified date.
    await sign("bo@example.org", "r6", "p2");
    await db.execute(sql`update signatures set state = 'withdrawn' where referral_code = 'r1'`);
    const after = await people();
    expect(after.map(({ email, rows }) => ({ email, rows }))).toEqual([
      { email: "ada@example.org", rows: 3 },
      { email: "bo@example.org", rows: 2 },
    ]);
    expect(after[0]!.updated > before[0]!.updated).toBe(true);
    const withdrawn = await db.execute<{ updated: string }>(
      sql`select updated_at::text as updated from signatures where referral_code = 'r1'`,
    );
    expect(withdrawn.rows[0]!.updated > "2026-01-02").toBe(true);

    // Erasing every row of a person, or deleting them, leaves no person behind.
    await db.execute(
      sql`update signatures set email_canonical = null where email_canonical = 'ada@example.org'`,
    );
    expect((await people()).map(({ email }) => email)).toEqual(["ada@example.org", "bo@example.org"]);
    await db.execute(sql`update pledge_takers set email_canonical = null`);
    await db.execute(sql`delete from signatures where referral_code = 'r3'`);
    expect((await people()).map(({ email, rows }) => ({ email, rows }))).toEqual([
      { email: "bo@example.org", rows: 1 },
    ]);
    await db.execute(sql`truncate campaigns, people cascade`);
  });
});

import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, database, MIGRATIONS_FOLDER } from "@/db";
import { databaseError, dropEverything } from "../helpers/test-database";

const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
  entries: { tag: string }[];
};

const TABLES = [
  "accounts",
  "action_tokens",
  "audit_log",
  "campaigns",
  "count_slots",
  "impact_figures",
  "outbox_messages",
  "petitions",
  "pledge_commitments",
  "pledge_taker_commitments",
  "pledge_takers",
  "pledges",
  "rate_limit_windows",
  "sessions",
  "signatures",
  "staff_sign_in_failures",
  "story_pages",
  "users",
  "verification_tokens",
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
    const applied = await db.execute<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect(applied.rows[0]?.n).toBe(journal.entries.length);
  });

  it("change nothing when applied a second time", async () => {
    const { db, migrate } = database();
    await migrate(MIGRATIONS_FOLDER);
    const applied = await db.execute<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect(applied.rows[0]?.n).toBe(journal.entries.length);
  });

  it("make the audit log append-only", async () => {
    const { db } = database();
    await db.execute(sql`insert into audit_log (action, actor_email) values ('test.append', 'staff@example.org')`);
    expect(await databaseError(db.execute(sql`update audit_log set action = 'rewritten'`))).toMatch(/append-only/);
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
    await db.execute(sql`truncate campaigns cascade`);
  });
});

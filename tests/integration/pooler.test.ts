import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_FOLDER } from "@/db";
import { withAdvisoryLock } from "@/db/drivers/advisory-lock";
import { openPg } from "@/db/drivers/pg";
import type { OpenDatabase } from "@/db/drivers/types";
import { TOTALS_CHANNEL } from "@/db/queries/totals-feed";
import { pickDriver } from "@/db/drivers/pick-driver";
import { findPgBouncer, startPgBouncer, type PgBouncer } from "../helpers/pgbouncer";
import { testEnv } from "../helpers/test-database";

// Behind a transaction-mode pooler a client has a server session only for one transaction at a
// time. These tests put a real PgBouncer in that mode (one server connection, so that whatever
// leaks between clients always does) in front of the test server, and show that LISTEN and the
// migration lock work with DATABASE_DIRECT_URL, and would not through the pooled URL alone.
const config = testEnv();
const skipReason =
  pickDriver(config) !== "pg"
    ? "needs DATABASE_URL (a Postgres server)"
    : !findPgBouncer()
      ? "pgbouncer is not installed"
      : null;
const serverUrl = config.DATABASE_DIRECT_URL ?? config.DATABASE_URL ?? "";

function withDatabase(url: string, name: string): string {
  const next = new URL(url);
  next.pathname = `/${name}`;
  return next.toString();
}

// Generous: these wait for events, and fail only if one never comes.
const EVENTUALLY = { timeout: 30_000, interval: 20 };

describe.skipIf(skipReason)(
  `through PgBouncer in transaction mode${skipReason ? ` (skipped: ${skipReason})` : ""}`,
  () => {
    let bouncer: PgBouncer;
    const opened: OpenDatabase[] = [];
    const open = (...args: Parameters<typeof openPg>) => {
      const database = openPg(...args);
      opened.push(database);
      return database;
    };

    beforeAll(async () => {
      bouncer = await startPgBouncer(serverUrl, { poolSize: 1 });
    });
    afterAll(async () => {
      await Promise.all(opened.map((database) => database.close()));
      await bouncer?.stop();
    });

    it("a listener on the direct URL hears a total change committed through the pooler; one on the pooled URL alone never does", async () => {
      const pooledUrl = bouncer.url(serverUrl);
      const routed = open(pooledUrl, 2, { directUrl: serverUrl });
      const pooledOnly = open(pooledUrl, 2);
      const heardDirect: string[] = [];
      const heardPooled: string[] = [];
      const stops = [
        await routed.listen!(
          TOTALS_CHANNEL,
          (payload) => heardDirect.push(payload),
          () => {},
        ),
        await pooledOnly.listen!(
          TOTALS_CHANNEL,
          (payload) => heardPooled.push(payload),
          () => {},
        ),
      ];
      // Another client of the pooler, as any instance's signing path is.
      const bystander = new pg.Client({ connectionString: pooledUrl });
      const strayed: string[] = [];
      bystander.on("notification", (message) => message.payload && strayed.push(message.payload));
      await bystander.connect();
      try {
        const subjectId = randomUUID();
        // The trigger on count_slots notifies at commit, as a confirmation does.
        await routed.db.execute(
          sql`insert into count_slots (subject, subject_id, state, slot, count) values ('petition', ${subjectId}, 'verified', 0, 1)`,
        );
        await expect.poll(() => heardDirect, EVENTUALLY).toContain(`petition:${subjectId}`);

        // The pooled listener's LISTEN stayed on the one server session, which now serves the
        // bystander: the bystander gets the next notification, the listener nothing.
        await bystander.query("select pg_notify($1, $2)", [TOTALS_CHANNEL, `petition:${subjectId}`]);
        expect(strayed).toEqual([`petition:${subjectId}`]);
        expect(heardPooled).toEqual([]);
        await routed.db.execute(sql`delete from count_slots where subject_id = ${subjectId}`);
      } finally {
        await bystander.end();
        await Promise.all(stops.map((stop) => stop()));
      }
    });

    describe("migrations", () => {
      const scratch = `upstand_pooler_${randomBytes(4).toString("hex")}`;
      const admin = () => new pg.Client({ connectionString: serverUrl });

      beforeAll(async () => {
        const client = admin();
        await client.connect();
        await client.query(`create database ${scratch}`);
        await client.end();
      });
      afterAll(async () => {
        await Promise.all(opened.splice(0).map((database) => database.close()));
        const client = admin();
        await client.connect();
        await client.query(`drop database if exists ${scratch} with (force)`);
        await client.end();
      });

      it("a session advisory lock taken through the pooler lets a second holder in; on the direct URL it makes it wait", async () => {
        const key = 7_120_412_999;
        const inside: string[] = [];
        const run = async (url: string, name: string, gate: Promise<void>) => {
          const pool = new pg.Pool({ connectionString: url, max: 1 });
          try {
            await withAdvisoryLock(
              () => pool.connect(),
              key,
              async () => {
                inside.push(name);
                await gate;
              },
            );
          } finally {
            await pool.end();
          }
        };

        let openPooledGate!: () => void;
        const pooledGate = new Promise<void>((resolve) => (openPooledGate = resolve));
        const pooledUrl = bouncer.url(serverUrl);
        const pooledRuns = [run(pooledUrl, "first", pooledGate), run(pooledUrl, "second", pooledGate)];
        await expect.poll(() => inside.length, EVENTUALLY).toBe(2);
        openPooledGate();
        await Promise.all(pooledRuns);

        inside.length = 0;
        let openDirectGate!: () => void;
        const directGate = new Promise<void>((resolve) => (openDirectGate = resolve));
        const first = run(serverUrl, "first", directGate);
        await expect.poll(() => inside, EVENTUALLY).toEqual(["first"]);
        const second = run(serverUrl, "second", Promise.resolve());
        const waiting = async () => {
          const client = admin();
          await client.connect();
          const { rows } = await client.query<{ n: number }>(
            "select count(*)::int as n from pg_locks where locktype = 'advisory' and objid = $1::bigint::oid and not granted",
            [key % 2 ** 32],
          );
          await client.end();
          return rows[0]?.n;
        };
        await expect.poll(waiting, EVENTUALLY).toBe(1);
        expect(inside).toEqual(["first"]);
        openDirectGate();
        await Promise.all([first, second]);
        expect(inside).toEqual(["first", "second"]);
      });

      it("apply once when several instances start at once behind the pooler", async () => {
        const instances = Array.from({ length: 4 }, () =>
          open(bouncer.url(withDatabase(serverUrl, scratch)), 2, {
            directUrl: withDatabase(serverUrl, scratch),
          }),
        );
        await Promise.all(instances.map((instance) => instance.migrate(MIGRATIONS_FOLDER)));
        const applied = await instances[0]!.db.execute<{ n: number }>(
          sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
        );
        const journal = JSON.parse(
          fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8"),
        ) as { entries: unknown[] };
        expect(applied.rows[0]?.n).toBe(journal.entries.length);
        const locks = await instances[0]!.db.execute<{ n: number }>(
          sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())`,
        );
        expect(locks.rows[0]?.n).toBe(0);
      });
    });
  },
);

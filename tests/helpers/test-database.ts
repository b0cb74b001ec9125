import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { pickDriver } from "@/db/drivers/pick-driver";
import { forgetSupportTarget } from "@/db/queries/supporters";
import { petitions, pledges } from "@/db/schema";
import { parseEnv, type Env } from "@/lib/env";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** Integration tests wipe data: refuse any database that is not on this machine. */
export function assertLocalDatabase(config: Env): void {
  const urls =
    pickDriver(config) === "vercel"
      ? [config.POSTGRES_URL, config.POSTGRES_URL_NON_POOLING]
      : [config.DATABASE_URL, config.DATABASE_DIRECT_URL, config.DATABASE_READ_URL];
  for (const url of urls) {
    if (!url) continue;
    const host = new URL(url).hostname;
    if (!LOCAL_HOSTS.has(host) && !host.endsWith(".localhost")) {
      throw new Error(
        `Integration tests refuse to run against ${host}: point them at a local test database.`,
      );
    }
  }
}

export function testEnv(): Env {
  const config = parseEnv(process.env);
  assertLocalDatabase(config);
  return config;
}

/** Drops everything, so that migrations can be shown to apply to an empty database. */
export async function dropEverything(db: Db): Promise<void> {
  await db.execute(sql`drop schema if exists drizzle cascade`);
  await db.execute(sql`drop schema public cascade`);
  await db.execute(sql`create schema public`);
}

/**
 * Empties the campaign data between tests; the audit log is append-only and stays. This process's
 * remembered petitions and pledges are forgotten too: seeded again, they have new ids.
 */
export async function resetData(db: Db): Promise<void> {
  const parents = [
    ...(await db.select({ id: petitions.id }).from(petitions)),
    ...(await db.select({ id: pledges.id }).from(pledges)),
  ];
  await db.execute(
    sql`truncate campaigns, people, action_tokens, outbox_messages, count_slots, rate_limit_windows, webhook_endpoints, webhook_events cascade`,
  );
  for (const { id } of parents) forgetSupportTarget(id);
}

/** Drizzle wraps the server's error; this looks at the message Postgres gave. */
export async function databaseError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? cause.message : (error as Error).message;
  }
  throw new Error("expected the database to refuse this statement");
}

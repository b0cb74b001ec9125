import "server-only";

import path from "node:path";
import { env } from "@/lib/env";
import { pickDriver } from "@/db/drivers/pick-driver";
import { openPg } from "./drivers/pg";
import { openPglite } from "./drivers/pglite";
import type { Db, OpenDatabase } from "./drivers/types";
import { openVercel } from "./drivers/vercel";

export type { Db } from "./drivers/types";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

// Kept on globalThis so that dev-server reloads reuse the one instance this process has.
const holder = globalThis as { upstandDatabase?: OpenDatabase };

function open(): OpenDatabase {
  const config = env();
  switch (pickDriver(config)) {
    case "vercel":
      return openVercel(config.POSTGRES_URL!, config.POSTGRES_URL_NON_POOLING, config.POSTGRES_WS_PROXY);
    case "pg":
      return openPg(config.DATABASE_URL!, config.DATABASE_POOL_MAX, {
        directUrl: config.DATABASE_DIRECT_URL,
        readUrl: config.DATABASE_READ_URL,
      });
    case "pglite":
      return openPglite(path.join(config.DATA_DIR, "pglite"));
  }
}

/** The process's one database, opened on first use with the driver the environment names. */
export function database(): OpenDatabase {
  holder.upstandDatabase ??= open();
  return holder.upstandDatabase;
}

export function getDb(): Db {
  return database().db;
}

/**
 * Where public reads go: the read replica when DATABASE_READ_URL names one, else the primary.
 * Only for what anyone may see and a few seconds' lag cannot mislead (public pages, the totals
 * endpoints): a read that follows the caller's own write, staff pages, signing, confirmation,
 * exports and audit use getDb(), as does anything not written for the replica on purpose.
 */
export function readDb(): Db {
  const open = database();
  return open.readDb ?? open.db;
}

export async function closeDb(): Promise<void> {
  const current = holder.upstandDatabase;
  holder.upstandDatabase = undefined;
  await current?.close();
}

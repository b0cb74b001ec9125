import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import * as schema from "../schema";
import { withAdvisoryLock } from "./advisory-lock";
import { MIGRATION_LOCK_KEY, type Db, type OpenDatabase } from "./types";

export interface PgRoutes {
  /** The same server without a pooler: LISTEN and the migration lock need a session. Defaults to the URL. */
  directUrl?: string;
  /** A streaming replica, for the public reads that ask for it (readDb). */
  readUrl?: string;
}

function openPool(connectionString: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 5_000 });
  // An idle client that loses its server must not take the process down; the pool replaces it.
  pool.on("error", (error) => console.error(`[db] idle connection lost: ${error.message}`));
  return pool;
}

/** `url` serves every query and may go through a transaction-mode pooler (PgBouncer, Neon's -pooler host). */
export function openPg(url: string, max: number, { directUrl = url, readUrl }: PgRoutes = {}): OpenDatabase {
  const pool = openPool(url, max);
  const replicaPool = readUrl ? openPool(readUrl, max) : null;
  return {
    driver: "pg",
    db: drizzle({ client: pool, schema }) as unknown as Db,
    readDb: replicaPool ? (drizzle({ client: replicaPool, schema }) as unknown as Db) : null,
    // A session advisory lock taken through a transaction-mode pooler is held by whichever server
    // connection ran that one statement, which then serves other clients: it serialises nothing.
    // So the lock is taken on a connection of its own to the server, which also runs the migration.
    migrate: (migrationsFolder) =>
      withAdvisoryLock(
        async () => {
          const client = new pg.Client({ connectionString: directUrl, connectionTimeoutMillis: 5_000 });
          client.on("error", () => {});
          await client.connect();
          return Object.assign(client, { release: () => void client.end().catch(() => {}) });
        },
        MIGRATION_LOCK_KEY,
        (client) => migrate(drizzle({ client, schema }), { migrationsFolder }),
      ),
    // Through a transaction-mode pooler LISTEN lands on a server connection that other clients
    // then use, and notifications go to them or nowhere: the listener needs the direct URL.
    listen: (channel, onMessage, onReconnect) =>
      listenWithReconnect(directUrl, channel, onMessage, onReconnect),
    close: async () => {
      await Promise.all([pool.end(), replicaPool?.end()]);
    },
  };
}

/** One dedicated connection that LISTENs, and comes back with back-off when it is lost. */
async function listenWithReconnect(
  connectionString: string,
  channel: string,
  onMessage: (payload: string) => void,
  onReconnect: () => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  let delayMs = 500;

  const connect = async (isReconnect: boolean): Promise<void> => {
    if (stopped) return;
    const next = new pg.Client({ connectionString });
    next.on("notification", (message) => {
      if (message.channel === channel && message.payload) onMessage(message.payload);
    });
    next.on("error", () => next.end().catch(() => {}));
    next.on("end", () => {
      if (client === next && !stopped) setTimeout(() => void connect(true), delayMs).unref();
      delayMs = Math.min(delayMs * 2, 15_000);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.Client.prototype.escapeIdentifier(channel)}`);
      client = next;
      delayMs = 500;
      if (isReconnect) onReconnect();
    } catch {
      await next.end().catch(() => {});
      if (!stopped) setTimeout(() => void connect(isReconnect), delayMs).unref();
      delayMs = Math.min(delayMs * 2, 15_000);
    }
  };

  await connect(false);
  return async () => {
    stopped = true;
    await client?.end().catch(() => {});
  };
}

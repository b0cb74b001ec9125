import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import * as schema from "../schema";
import { withAdvisoryLock } from "./advisory-lock";
import { MIGRATION_LOCK_KEY, type Db, type OpenDatabase } from "./types";

export function openPg(connectionString: string, max: number): OpenDatabase {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 5_000 });
  // An idle client that loses its server must not take the process down; the pool replaces it.
  pool.on("error", (error) => console.error(`[db] idle connection lost: ${error.message}`));
  return {
    driver: "pg",
    db: drizzle({ client: pool, schema }) as unknown as Db,
    migrate: (migrationsFolder) =>
      withAdvisoryLock(
        () => pool.connect(),
        MIGRATION_LOCK_KEY,
        (client) => migrate(drizzle({ client, schema }), { migrationsFolder }),
      ),
    listen: (channel, onMessage, onReconnect) => listenWithReconnect(connectionString, channel, onMessage, onReconnect),
    close: () => pool.end(),
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

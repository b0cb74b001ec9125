import { createClient, createPool, type VercelPool } from "@vercel/postgres";
import { drizzle } from "drizzle-orm/vercel-postgres";
import { migrate } from "drizzle-orm/vercel-postgres/migrator";
import { WebSocket } from "ws";
import * as schema from "../schema";
import { withAdvisoryLock } from "./advisory-lock";
import { MIGRATION_LOCK_KEY, type Db, type OpenDatabase } from "./types";

interface NeonConfig {
  webSocketConstructor: unknown;
  wsProxy: (host: string, port: number | string) => string;
  useSecureWebSocket: boolean;
  pipelineConnect: false | "password";
  forceDisablePgSSL: boolean;
}

/**
 * @vercel/postgres speaks only Neon's WebSocket protocol. To run it against an ordinary Postgres
 * (CI, local checks), point its driver at a plain WebSocket-to-TCP proxy. Neon's global config
 * is the static side of its Socket class; it is reached through the pool's own client, so the
 * setting lands on the copy of the driver this pool really uses (ESM and CommonJS each have one).
 */
function pointNeonAtLocalProxy(pool: VercelPool, hostAndPort: string) {
  const { Client } = pool as unknown as { Client: new (config: object) => { neonConfig: object } };
  const neonConfig = new Client({}).neonConfig.constructor as unknown as NeonConfig;
  neonConfig.webSocketConstructor = WebSocket;
  neonConfig.wsProxy = () => `${hostAndPort}/`;
  neonConfig.useSecureWebSocket = false;
  neonConfig.pipelineConnect = false;
  neonConfig.forceDisablePgSSL = true;
}

/**
 * `url` is Vercel's POSTGRES_URL, Neon's pooled endpoint (PgBouncer in transaction mode);
 * `directUrl` its POSTGRES_URL_NON_POOLING, which the integration sets beside it.
 */
export function openVercel(
  url: string,
  directUrl: string | undefined,
  wsProxy: string | undefined,
): OpenDatabase {
  const pool = createPool({ connectionString: url });
  if (wsProxy) pointNeonAtLocalProxy(pool, wsProxy);
  pool.on("error", (error) => console.error(`[db] idle connection lost: ${error.message}`));
  return {
    driver: "vercel",
    db: drizzle({ client: pool, schema }) as unknown as Db,
    readDb: null,
    // A session lock through the pooled endpoint serialises nothing (see drivers/pg.ts), so it is
    // taken on the direct endpoint, which runs the migration too. Without that URL, the pool: the
    // lock is then only as good as the endpoint, which is why the README asks for both URLs.
    migrate: (migrationsFolder) =>
      withAdvisoryLock(
        directUrl
          ? async () => {
              const client = createClient({ connectionString: directUrl });
              client.on("error", () => {});
              await client.connect();
              return Object.assign(client, { release: () => void client.end().catch(() => {}) });
            }
          : () => pool.connect(),
        MIGRATION_LOCK_KEY,
        (client) => migrate(drizzle({ client, schema }), { migrationsFolder }),
      ),
    // No LISTEN on Vercel, even on the direct endpoint: a function is frozen between requests,
    // and a listener that sleeps misses what it was there for. Callers poll instead.
    listen: null,
    close: () => pool.end(),
  };
}

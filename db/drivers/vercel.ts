import { createRequire } from "node:module";
import { createPool } from "@vercel/postgres";
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
 * (CI, local checks), point the copy of @neondatabase/serverless that it loads at a plain
 * WebSocket-to-TCP proxy.
 */
function pointNeonAtLocalProxy(hostAndPort: string) {
  const requireFromVercel = createRequire(createRequire(import.meta.url).resolve("@vercel/postgres"));
  const { neonConfig } = requireFromVercel("@neondatabase/serverless") as { neonConfig: NeonConfig };
  neonConfig.webSocketConstructor = WebSocket;
  neonConfig.wsProxy = () => `${hostAndPort}/`;
  neonConfig.useSecureWebSocket = false;
  neonConfig.pipelineConnect = false;
  neonConfig.forceDisablePgSSL = true;
}

export function openVercel(connectionString: string, wsProxy: string | undefined): OpenDatabase {
  if (wsProxy) pointNeonAtLocalProxy(wsProxy);
  const pool = createPool({ connectionString });
  pool.on("error", (error) => console.error(`[db] idle connection lost: ${error.message}`));
  return {
    driver: "vercel",
    db: drizzle({ client: pool, schema }) as unknown as Db,
    migrate: (migrationsFolder) =>
      withAdvisoryLock(
        () => pool.connect(),
        MIGRATION_LOCK_KEY,
        (client) => migrate(drizzle({ client, schema }), { migrationsFolder }),
      ),
    close: () => pool.end(),
  };
}

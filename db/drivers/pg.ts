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
    close: () => pool.end(),
  };
}

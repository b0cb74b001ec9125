import type { NodePgQueryResultHKT } from "drizzle-orm/node-postgres";
import type { PgDatabase } from "drizzle-orm/pg-core";
import type * as schema from "../schema";
import type { DriverName } from "@/db/drivers/pick-driver";

/**
 * What every driver hands back: the same Drizzle API whichever engine is underneath. Raw
 * `execute` results are typed as node-postgres's; PGlite's and Neon's have the same `rows`.
 */
export type Db = PgDatabase<NodePgQueryResultHKT, typeof schema>;

export interface OpenDatabase {
  driver: DriverName;
  db: Db;
  /** The read replica (DATABASE_READ_URL), for public reads only; null without one. */
  readDb: Db | null;
  /** Applies the committed migrations; safe when several instances start at once. */
  migrate(migrationsFolder: string): Promise<void>;
  /**
   * Listens on a NOTIFY channel over one connection of its own, reconnecting if it drops;
   * `onReconnect` runs after a reconnection, when messages may have been missed. Null where the
   * driver cannot listen (Vercel's pooled connections), and callers poll instead.
   */
  listen:
    | ((
        channel: string,
        onMessage: (payload: string) => void,
        onReconnect: () => void,
      ) => Promise<() => Promise<void>>)
    | null;
  close(): Promise<void>;
}

/** Key of the advisory lock that serialises migrations across instances. */
export const MIGRATION_LOCK_KEY = 7_120_412_001;

import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import * as schema from "../schema";
import { lockDataDirectory } from "./pglite-lock";
import type { Db, OpenDatabase } from "./types";

export function openPglite(dataDir: string): OpenDatabase {
  const release = lockDataDirectory(dataDir);
  try {
    const client = new PGlite(dataDir);
    const db = drizzle({ client, schema });
    return {
      driver: "pglite",
      db: db as unknown as Db,
      readDb: null,
      // One process owns the directory, so there is nobody to race with.
      migrate: (migrationsFolder) => migrate(db, { migrationsFolder }),
      // In one process, NOTIFY reaches LISTEN directly: nothing to reconnect.
      listen: async (channel, onMessage) => {
        const unlisten = await client.listen(channel, onMessage);
        return () => unlisten();
      },
      async close() {
        try {
          await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

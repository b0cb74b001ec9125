import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb, database, MIGRATIONS_FOLDER } from "@/db";
import { pickDriver } from "@/lib/database-driver";
import { dropEverything, testEnv } from "../helpers/test-database";

// Integration tests run on PGlite in a fresh directory unless DATABASE_URL (or Vercel's
// POSTGRES_URL) names a local Postgres, which is emptied and migrated from scratch.
export default async function setup() {
  let tempDir: string | undefined;
  if (pickDriver(testEnv()) === "pglite") {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "upstand-integration-"));
    process.env.DATA_DIR = tempDir;
  }
  const { db, migrate } = database();
  await dropEverything(db);
  await migrate(MIGRATIONS_FOLDER);
  await closeDb();

  return () => {
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  };
}

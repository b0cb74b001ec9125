import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb, database, MIGRATIONS_FOLDER } from "@/db";
import { pickDriver } from "@/db/drivers/pick-driver";
import { dropEverything, testEnv } from "../helpers/test-database";
import { startWsProxy, type WsProxy } from "../helpers/ws-proxy";

// Integration tests run on PGlite in a fresh directory unless DATABASE_URL (or, with VERCEL set,
// POSTGRES_URL) names a local Postgres, which is emptied and migrated from scratch. On the
// Vercel path a WebSocket proxy stands where Neon's would.
export default async function setup() {
  let tempDir: string | undefined;
  let proxy: WsProxy | undefined;
  const config = testEnv();
  const driver = pickDriver(config);
  if (driver === "pglite") {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "upstand-integration-"));
    process.env.DATA_DIR = tempDir;
  }
  if (driver === "vercel" && !config.POSTGRES_WS_PROXY) {
    // Test files run in worker processes, which inherit this environment.
    proxy = await startWsProxy(Number(new URL(config.POSTGRES_URL!).port || 5432));
    process.env.POSTGRES_WS_PROXY = `127.0.0.1:${proxy.port}`;
  }
  const { db, migrate } = database();
  await dropEverything(db);
  await migrate(MIGRATIONS_FOLDER);
  await closeDb();

  return async () => {
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
    await proxy?.close();
  };
}

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite } from "@/db/drivers/pglite";
import { pickDriver } from "@/db/drivers/pick-driver";
import { ensureCliBuild, runCli } from "../helpers/cli";
import { testEnv } from "../helpers/test-database";

/** `npm run db:migrate` in another process, on the embedded database in `dataDir`. */
function migrateInAnotherProcess(dataDir: string) {
  return runCli("db-migrate", [], {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: "",
    VERCEL: "",
    POSTGRES_URL: "",
  });
}

// Its own embedded database whatever the pass: once, in the embedded pass, is enough.
const onServer = pickDriver(testEnv()) !== "pglite";

describe.skipIf(onServer)("the embedded database's directory lock", () => {
  let dataDir: string;
  const pgliteDir = () => path.join(dataDir, "pglite");

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "upstand-lock-"));
    await ensureCliBuild();
  }, 600_000);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  // A second process that starts and opens the database: seconds alone, over 60 s beside the e2e
  // suite on a loaded machine. The timeout guards a hang.
  it(
    "refuses a second process while one holds the directory, naming it and the way out",
    { timeout: 180_000 },
    async () => {
      const holder = openPglite(pgliteDir());
      try {
        const second = await migrateInAnotherProcess(dataDir);
        expect(second.code).toBe(1);
        expect(second.output).toContain(
          `The embedded database in ${path.resolve(pgliteDir())} is already open`,
        );
        expect(second.output).toContain(`process ${process.pid}`);
        expect(second.output).toMatch(/Stop the other Upstand process/);
        expect(second.output).toMatch(/DATABASE_URL/);
      } finally {
        await holder.close();
      }
    },
  );

  it("refuses a second holder inside one process too", async () => {
    const holder = openPglite(pgliteDir());
    try {
      expect(() => openPglite(pgliteDir())).toThrow(/already open/);
    } finally {
      await holder.close();
    }
  });

  it("lets the next process in once the holder has closed it", async () => {
    const next = await migrateInAnotherProcess(dataDir);
    expect(next.output).toContain("Migrations applied (pglite)");
    expect(next.code).toBe(0);
    expect(fs.existsSync(`${pgliteDir()}.lock`)).toBe(false);
  });

  it("takes over the lock of a process that died without releasing it", async () => {
    const dead = spawnSync(process.execPath, ["-e", "process.exit(0)"]);
    fs.writeFileSync(
      `${pgliteDir()}.lock`,
      JSON.stringify({ pid: dead.pid, hostname: os.hostname(), startedAt: new Date(0).toISOString() }),
    );
    const next = await migrateInAnotherProcess(dataDir);
    expect(next.output).toContain("Migrations applied (pglite)");
    expect(next.code).toBe(0);
  });
});

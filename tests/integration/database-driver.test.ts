import { existsSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, database } from "@/db";
import { pickDriver } from "@/db/drivers/pick-driver";
import { testEnv } from "../helpers/test-database";

describe("the database module", () => {
  afterAll(closeDb);

  it("opens the driver the environment names, once per process", async () => {
    const config = testEnv();
    const first = database();
    expect(first.driver).toBe(pickDriver(config));
    expect(database()).toBe(first);
    const result = await first.db.execute<{ answer: number }>(sql`select 40 + 2 as answer`);
    expect(Number(result.rows[0]?.answer)).toBe(42);
  });

  it.skipIf(pickDriver(testEnv()) !== "pglite")(
    "keeps the embedded database in files under DATA_DIR",
    async () => {
      const config = testEnv();
      // Tests run in a directory of their own, never in the developer's .data/.
      expect(path.resolve(config.DATA_DIR)).not.toBe(path.resolve(".data"));
      await database().db.execute(sql`select 1`);
      expect(existsSync(path.join(config.DATA_DIR, "pglite", "PG_VERSION"))).toBe(true);
      expect(existsSync(path.join(config.DATA_DIR, "pglite.lock"))).toBe(true);
    },
  );

  it("opens again after it is closed", async () => {
    await closeDb();
    const reopened = database();
    const result = await reopened.db.execute<{ one: number }>(sql`select 1 as one`);
    expect(Number(result.rows[0]?.one)).toBe(1);
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { authSecret } from "@/lib/auth/secret";
import { parseEnv } from "@/lib/env";

describe("the staff session secret", () => {
  const dirs: string[] = [];
  const freshDataDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "upstand-secret-"));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it("is generated on first start of the embedded default, kept private in DATA_DIR, and reused", () => {
    const DATA_DIR = freshDataDir();
    const first = authSecret(parseEnv({ DATA_DIR }));
    expect(first.length).toBeGreaterThanOrEqual(43);
    const file = path.join(DATA_DIR, "auth-secret");
    expect(fs.readFileSync(file, "utf8")).toBe(first);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    expect(authSecret(parseEnv({ DATA_DIR }))).toBe(first);
  });

  it("differs between installs", () => {
    expect(authSecret(parseEnv({ DATA_DIR: freshDataDir() }))).not.toBe(
      authSecret(parseEnv({ DATA_DIR: freshDataDir() })),
    );
  });

  it("comes from AUTH_SECRET when it is set, and nothing is written", () => {
    const DATA_DIR = freshDataDir();
    const AUTH_SECRET = "a".repeat(40);
    expect(authSecret(parseEnv({ DATA_DIR, AUTH_SECRET }))).toBe(AUTH_SECRET);
    expect(fs.existsSync(path.join(DATA_DIR, "auth-secret"))).toBe(false);
  });

  it("must be set with a Postgres server, so that every instance shares it", () => {
    expect(() => authSecret(parseEnv({ DATABASE_URL: "postgres://app@db/upstand" }))).toThrow(
      /AUTH_SECRET must be set when Upstand runs on a Postgres server/,
    );
  });
});

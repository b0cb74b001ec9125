import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { pickDriver } from "@/db/drivers/pick-driver";
import { testEnv } from "../helpers/test-database";

// `npm run staff` as a person runs it: a process of its own, its output read as text. On the
// embedded database it gets a data directory of its own (one process holds a directory at a time).
const dataDir =
  pickDriver(testEnv()) === "pglite"
    ? fs.mkdtempSync(path.join(os.tmpdir(), "upstand-staff-cli-"))
    : undefined;
const run = randomUUID().slice(0, 8);

async function staff(...args: string[]): Promise<{ code: number; output: string }> {
  const env = { ...process.env, ...(dataDir ? { DATA_DIR: dataDir } : {}) };
  try {
    const { stdout, stderr } = await promisify(execFile)(
      "node_modules/.bin/tsx",
      ["--conditions=react-server", "scripts/staff.ts", ...args],
      { env },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

const STACK_LINE = /^\s+at\s/m;

describe("npm run staff", () => {
  afterAll(() => {
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it.each([
    [["--help"], 0, "npm run staff -- link EMAIL"],
    [[], 2, "Say what to do."],
    [["frob", "someone@example.org"], 2, "Unknown command: frob"],
    [
      ["add", "someone@example.org", "--role", "boss"],
      2,
      "Unknown role: boss. Choose one of viewer, editor, admin.",
    ],
    [["add", "not-an-address"], 2, "Enter an email address like name@example.com"],
    [["add", "someone@example.org", "--colour", "red"], 2, "Unknown option '--colour'."],
  ])("answers %j in plain words, without a stack trace", async (args, code, message) => {
    const result = await staff(...args);
    expect(result.code).toBe(code);
    expect(result.output).toContain(message);
    expect(result.output).not.toMatch(STACK_LINE);
  });

  it("adds a member once, refuses them again plainly, and issues a fresh link for members only", async () => {
    const email = `cli.${run}@staff.example`;
    const added = await staff("add", email, "--role", "editor");
    expect(added).toMatchObject({ code: 0 });
    expect(added.output).toMatch(/\/staff\/sign-in\/link\/[\w-]{43}\n/);

    const again = await staff("add", email.toUpperCase());
    expect(again.code).toBe(1);
    expect(again.output).toContain(`${email} is already a member of staff`);
    expect(again.output).not.toMatch(STACK_LINE);

    const link = await staff("link", email);
    expect(link.code).toBe(0);
    expect(link.output).toContain(`This link signs ${email} in once`);
    const [first, second] = [added, link].map(
      (result) => /\/staff\/sign-in\/link\/([\w-]{43})/.exec(result.output)?.[1],
    );
    expect(second).toBeDefined();
    expect(second).not.toBe(first);

    const stranger = await staff("link", `nobody.${run}@staff.example`);
    expect(stranger.code).toBe(1);
    expect(stranger.output).toContain("is not an enabled member of staff");
    expect(stranger.output).not.toMatch(STACK_LINE);
  });
});

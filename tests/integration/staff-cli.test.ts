import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pickDriver } from "@/db/drivers/pick-driver";
import { ensureCliBuild, runCli } from "../helpers/cli";
import { testEnv } from "../helpers/test-database";

// `npm run staff` as a person runs it: a process of its own, its output read as text. On the
// embedded database it gets a data directory of its own (one process holds a directory at a time).
const dataDir =
  pickDriver(testEnv()) === "pglite"
    ? fs.mkdtempSync(path.join(os.tmpdir(), "upstand-staff-cli-"))
    : undefined;
const run = randomUUID().slice(0, 8);

function staff(...args: string[]): Promise<{ code: number; output: string }> {
  return runCli("staff", args, { ...process.env, ...(dataDir ? { DATA_DIR: dataDir } : {}) });
}

const STACK_LINE = /^\s+at\s/m;

describe("npm run staff", () => {
  // The tool as shipped: the build's compiled CLI, made first if the sources changed.
  beforeAll(() => ensureCliBuild(), 600_000);
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

  // Four runs of the command, each a process of its own that opens the database: about 20 s on a
  // quiet machine, over 60 s beside the e2e suite on 2 loaded cores. The timeout guards a hang.
  it(
    "adds a member once, refuses them again plainly, and issues a fresh link for members only",
    { timeout: 180_000 },
    async () => {
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
    },
  );
});

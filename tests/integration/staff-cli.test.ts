import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db";
import { pickDriver } from "@/db/drivers/pick-driver";
import { authenticateApiKey } from "@/lib/api-keys/authenticate";
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

/**
 * The command run on the tests' own database, so that this process can then check what it did.
 * PGlite lets one process hold a directory at a time: this one lets go first, and reopens it on
 * its next query, after the command has exited.
 */
async function staffOnTestDatabase(...args: string[]): Promise<{ code: number; output: string }> {
  await closeDb();
  return runCli("staff", args, process.env);
}

const keyedRequest = (key: string) =>
  new Request("http://localhost/api/osdi/v1/people", { headers: { "OSDI-API-Token": key } });

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
    [["api-key", "create", "CRM"], 2, "Say what the key may do: --scopes"],
    [["api-key", "create", "CRM", "--scopes", "read:people,write:all"], 1, "Unknown scope: write:all."],
    [
      [
        "api-key",
        "create",
        "CRM",
        "--scopes",
        "read:people",
        "--consent-notice",
        "https://crm.example.org/privacy",
      ],
      1,
      "A consent attestation goes only on a key that records signatures (write:signatures).",
    ],
    [
      ["api-key", "create", "Form", "--scopes", "write:signatures", "--consent-notice", "our privacy page"],
      1,
      "Give the full address of the privacy notice, starting https://",
    ],
    [
      ["api-key", "list", "--consent-notice", "https://crm.example.org/privacy"],
      2,
      "go with api-key create only",
    ],
    [["api-key", "revoke"], 2, "Say which key to revoke"],
    [["api-key", "frob"], 2, "Unknown api-key command: frob"],
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

  // Three runs of the command on the tests' database, and the key tried in between, as an API
  // endpoint would try it. Timeout as above.
  it(
    "makes an API key printed alone on the last line, which then authenticates, lists it, and revokes it for the next request",
    { timeout: 180_000 },
    async () => {
      const made = await staffOnTestDatabase(
        "api-key",
        "create",
        `CRM ${run}`,
        "--scopes",
        "read:petitions, read:people",
      );
      expect(made.code).toBe(0);
      expect(made.output).toContain("This is the only time it is shown");
      const key = made.output.trimEnd().split("\n").at(-1)!;
      expect(key).toMatch(/^upk_[\w-]{43}$/);
      const prefix = key.slice(0, 12);

      const allowed = await authenticateApiKey(keyedRequest(key), "read:people");
      expect(allowed).toMatchObject({
        ok: true,
        key: { name: `CRM ${run}`, prefix, scopes: ["read:petitions", "read:people"] },
      });
      const refused = await authenticateApiKey(keyedRequest(key), "write:signatures");
      expect(refused.ok || refused.response.status).toBe(403);

      const listed = await staffOnTestDatabase("api-key", "list");
      expect(listed.code).toBe(0);
      expect(listed.output).toContain(`${prefix}  "CRM ${run}"  live`);
      expect(listed.output).not.toContain(key.slice(12));

      const revoked = await staffOnTestDatabase("api-key", "revoke", prefix);
      expect(revoked.code).toBe(0);
      expect(revoked.output).toContain(`Revoked ${prefix}`);
      const after = await authenticateApiKey(keyedRequest(key), "read:people");
      expect(after.ok || after.response.status).toBe(401);

      const again = await staffOnTestDatabase("api-key", "revoke", prefix);
      expect(again.code).toBe(1);
      expect(again.output).toContain(`No key still in use has the prefix or id ${prefix}`);
      expect(again.output).not.toMatch(STACK_LINE);
      await closeDb();
    },
  );
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { pickDriver } from "@/db/drivers/pick-driver";
import { parseEnv } from "@/lib/env";
import { startAppServer, type AppServer } from "../helpers/app-server";

// The mailbox shows every confirm link and every staff sign-in link: whoever can read it can sign
// for anyone and sign in as anyone. A local install keeps it, and itself, to this machine.
const onServer = pickDriver(parseEnv(process.env)) !== "pglite";

test.beforeEach(() => {
  test.setTimeout(180_000);
});

/** The local addresses this process's machine listens on at `port`, from the kernel's own table. */
function listeningAddresses(port: number): string[] {
  const hex = port.toString(16).toUpperCase().padStart(4, "0");
  const found: string[] = [];
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!fs.existsSync(file)) continue;
    for (const line of fs.readFileSync(file, "utf8").split("\n").slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      // State 0A is LISTEN.
      if (state === "0A" && local?.endsWith(`:${hex}`)) found.push(local.split(":")[0]!);
    }
  }
  return found;
}

async function withServer(env: Record<string, string>, run: (app: AppServer) => Promise<void>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "upstand-e2e-mailbox-"));
  const app = await startAppServer({ DATA_DIR: dataDir, HOST: "", DEV_MAILBOX: "", ...env }, undefined, {
    captureOutput: true,
  });
  try {
    await run(app);
  } finally {
    await app.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const mailbox = (app: AppServer, clientAddress: string) =>
  fetch(`${app.url}/dev/mailbox`, { headers: { "X-Real-IP": clientAddress } });

test("by default a local install listens on this machine only, says so, and shows the mailbox to this machine only", async () => {
  test.skip(onServer, "the default for a Postgres server is every interface and no mailbox (next test)");
  await withServer({ TRUSTED_PROXY_HEADER: "x-real-ip" }, async (app) => {
    // 0100007F is 127.0.0.1 in the kernel's byte order; nothing listens on 0.0.0.0 or ::.
    expect(listeningAddresses(app.port)).toEqual(["0100007F"]);
    await expect.poll(() => app.output()).toContain("for this machine only (set HOST=0.0.0.0");
    expect(app.output()).toContain(`/dev/mailbox, which answers this machine only`);
    await expect
      .poll(() => app.output())
      .toContain(
        "No staff yet. To add the first admin, run `npm run staff -- add you@example.org --role admin`",
      );

    const fromHere = await mailbox(app, "127.0.0.1");
    expect(fromHere.status).toBe(200);
    expect(await fromHere.text()).toContain("No mail server is set");
    const fromElsewhere = await mailbox(app, "203.0.113.9");
    expect(fromElsewhere.status).toBe(404);
    expect(await fromElsewhere.text()).not.toContain("No mail server is set");
    expect((await mailbox(app, "::1")).status).toBe(200);
    expect((await mailbox(app, "2001:db8::1")).status).toBe(404);
  });
});

test(
  "on a Postgres server the app listens on every interface and the mailbox is closed unless asked for",
  { tag: "@engine" },
  async () => {
    test.skip(!onServer, "the embedded default is the test above");
    await withServer({ TRUSTED_PROXY_HEADER: "x-real-ip" }, async (app) => {
      expect(listeningAddresses(app.port).some((address) => /^0+$/.test(address))).toBe(true);
      expect((await mailbox(app, "127.0.0.1")).status).toBe(404);
    });
  },
);

test("DEV_MAILBOX=on opens the mailbox to every request, with a warning at start-up; off closes it", async () => {
  await withServer({ TRUSTED_PROXY_HEADER: "x-real-ip", DEV_MAILBOX: "on" }, async (app) => {
    await expect.poll(() => app.output()).toContain("WARNING: DEV_MAILBOX=on");
    expect((await mailbox(app, "203.0.113.9")).status).toBe(200);
  });
  await withServer({ TRUSTED_PROXY_HEADER: "x-real-ip", DEV_MAILBOX: "off" }, async (app) => {
    expect((await mailbox(app, "127.0.0.1")).status).toBe(404);
  });
});

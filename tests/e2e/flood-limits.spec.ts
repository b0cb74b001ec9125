import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { pickDriver } from "@/db/drivers/pick-driver";
import { parseEnv } from "@/lib/env";
import { signInActionIds } from "@/lib/http/flood-limits";
import { startAppServer, type AppServer } from "../helpers/app-server";
import { openStream, type OpenStream } from "../helpers/open-stream";
import { startTcpProxy, type TcpProxy } from "../helpers/tcp-proxy";

// Flood limits that Upstand's own server applies in front of Next.js (pages, staff sign-in), on a
// server of the test's own with low limits to reach them in a few requests, and the default ones
// for a crowd of 3,000 streams. The limits the API handlers apply themselves (totals, an IPv6
// /64, open streams) are checked against the handlers in tests/integration/flood-limits.test.ts. Every caller names its address in
// X-Real-IP, as behind a reverse proxy, so one test can play many addresses.
const config = parseEnv(process.env);
const onServer = pickDriver(config) === "pg";
const PETITION = "protect-children-online";

const fetchAs = (app: AppServer, pathname: string, ip: string, init: RequestInit = {}) =>
  fetch(`${app.url}${pathname}`, {
    ...init,
    redirect: "manual",
    headers: { ...init.headers, "X-Real-IP": ip },
  });

function expectRetryAfter(value: string | null | undefined) {
  expect(Number(value)).toBeGreaterThanOrEqual(1);
}

/** A fresh embedded database for a server of its own; on Postgres, the shared one. */
function databaseEnv(dataDirs: string[]): Record<string, string> {
  if (onServer) return {};
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "upstand-flood-"));
  dataDirs.push(dataDir);
  return { DATA_DIR: dataDir };
}

test.describe("per-address limits", () => {
  test.describe.configure({ mode: "serial" });
  let app: AppServer;
  const dataDirs: string[] = [];

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    app = await startAppServer({
      ...databaseEnv(dataDirs),
      TRUSTED_PROXY_HEADER: "x-real-ip",
      // An hour to refill, so nothing comes back while a test runs.
      FLOOD_LIMIT_PAGES: "12/3600",
      FLOOD_LIMIT_SIGN_IN: "3/3600",
    });
  });

  test.afterAll(async () => {
    await app?.stop();
    for (const dataDir of dataDirs) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test("pages flooded from one address get 429 with a plain message; build assets are not counted; another address is served", async () => {
    const ip = "203.0.113.40";
    let html = "";
    for (let i = 0; i < 12; i++) {
      const page = await fetchAs(app, "/help", ip);
      expect(page.status).toBe(200);
      html = await page.text();
    }
    const refused = await fetchAs(app, "/help", ip);
    expect(refused.status).toBe(429);
    expectRetryAfter(refused.headers.get("retry-after"));
    expect(refused.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await refused.text()).toBe(
      "Too many requests from your address. Please wait a little and try again.\n",
    );

    const asset = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
    expect(asset).toBeTruthy();
    expect((await fetchAs(app, asset!, ip)).status).toBe(200);
    expect((await fetchAs(app, "/help", "203.0.113.41")).status).toBe(200);
  });

  test("staff sign-in sprayed from one address gets 429: the password form and Auth.js's callback", async ({
    browser,
  }) => {
    const context = await browser.newContext({
      baseURL: app.url,
      extraHTTPHeaders: { "X-Real-IP": "203.0.113.50" },
    });
    try {
      const page = await context.newPage();
      await page.goto("/staff/sign-in");
      const answers: { status: number; retryAfter: string | null }[] = [];
      for (let i = 0; i < 4; i++) {
        const answered = page.waitForResponse(
          (response) =>
            response.request().method() === "POST" && new URL(response.url()).pathname === "/staff/sign-in",
        );
        await page.getByLabel("Email address", { exact: true }).fill(`sprayed-${i}@staff.example`);
        await page.getByLabel("Password", { exact: true }).fill("guess");
        await page.getByRole("button", { name: "Sign in", exact: true }).click();
        const response = await answered;
        answers.push({ status: response.status(), retryAfter: await response.headerValue("retry-after") });
        if (i === 3) break;
        await expect(page.getByTestId("password-status")).toContainText("do not match an active account");
        // What was typed stays after a refusal, ready to be corrected for the next try.
        await expect(page.getByLabel("Email address", { exact: true })).toHaveValue(
          `sprayed-${i}@staff.example`,
        );
      }
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 429]);
      expectRetryAfter(answers[3]!.retryAfter);
    } finally {
      await context.close();
    }

    const callback = (ip: string) =>
      fetchAs(app, "/api/auth/callback/password", ip, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "email=sprayed%40staff.example&password=guess",
      });
    for (let i = 0; i < 3; i++) expect((await callback("203.0.113.51")).status).not.toBe(429);
    const refused = await callback("203.0.113.51");
    expect(refused.status).toBe(429);
    expectRetryAfter(refused.headers.get("retry-after"));
    expect((await callback("203.0.113.52")).status).not.toBe(429);

    // A sign-in action called by another page's path is still signing in. (Next.js passes such a
    // call on to the sign-in page over HTTP, which counts it once more.)
    const [action] = signInActionIds(
      fs.readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8"),
    );
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await fetchAs(app, "/help", "203.0.113.53", {
        method: "POST",
        headers: { "Next-Action": action!, "Content-Type": "text/plain;charset=UTF-8" },
        body: "[]",
      });
      statuses.push(response.status);
    }
    expect(statuses[0]).not.toBe(429);
    expect(statuses.at(-1)).toBe(429);
  });
});

/** Raises this process's soft limit on open files towards its hard limit, for the streams it opens and the server it starts. */
function ensureOpenFiles(needed: number) {
  const read = () => {
    const [, soft, hard] = /Max open files\s+(\S+)\s+(\S+)/.exec(
      fs.readFileSync("/proc/self/limits", "utf8"),
    )!;
    const toNumber = (value: string) => (value === "unlimited" ? Infinity : Number(value));
    return { soft: toNumber(soft!), hard: hard! };
  };
  if (read().soft >= needed) return;
  execFileSync("prlimit", ["--pid", String(process.pid), `--nofile=${read().hard}:${read().hard}`]);
  const { soft } = read();
  if (soft < needed)
    throw new Error(`this test opens ${needed} files at once; raise ulimit -n (it is ${soft})`);
}

test.describe("a crowd of streams", () => {
  const CROWD = 3_000;
  let app: AppServer;
  let proxy: TcpProxy | undefined;
  const dataDirs: string[] = [];

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    // Each stream is a socket in this process and another in the server.
    ensureOpenFiles(CROWD + 1_000);
    let databaseUrl: Record<string, string> = {};
    if (onServer) {
      const target = new URL(config.DATABASE_URL!);
      proxy = await startTcpProxy(Number(target.port || 5432));
      target.host = `127.0.0.1:${proxy.port}`;
      databaseUrl = { DATABASE_URL: target.toString() };
    }
    // The default limits: the crowd is 3,000 phones behind one carrier's address.
    app = await startAppServer({
      ...databaseEnv(dataDirs),
      ...databaseUrl,
      TRUSTED_PROXY_HEADER: "x-real-ip",
    });
  });

  test.afterAll(async () => {
    await app?.stop();
    await proxy?.close();
    for (const dataDir of dataDirs) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test("3,000 streams opened at once from one address all get their first event, from memory", async () => {
    test.setTimeout(180_000);
    const carrier = "203.0.113.100";
    const streams: OpenStream[] = [];
    try {
      const first = await openStream(app.port, `/api/petitions/${PETITION}/stream`, carrier);
      streams.push(first);
      expect(first.status).toBe(200);
      const totals = await first.firstEvent;
      expect(totals).toContain('"verified"');
      // On Postgres the database is now cut off from the server: a stream that needed a query
      // would fail. (The embedded database lives inside the server and cannot be cut.)
      await proxy?.cut();

      const crowd = await Promise.all(
        Array.from({ length: CROWD }, () =>
          openStream(app.port, `/api/petitions/${PETITION}/stream`, carrier),
        ),
      );
      streams.push(...crowd);
      expect(crowd.filter((stream) => stream.status === 200)).toHaveLength(CROWD);
      const events = await Promise.all(crowd.map((stream) => stream.firstEvent));
      expect(events.filter((event) => event === totals)).toHaveLength(CROWD);
    } finally {
      for (const stream of streams) stream.close();
    }
  });
});

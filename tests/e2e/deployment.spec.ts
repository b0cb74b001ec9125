import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort } from "../../scripts/free-port";

test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "a server of its own needs no second screen size");
});

test("started as plain `next start`, without Upstand's server or a trusted proxy header, production refuses to start and says what to set", async () => {
  test.setTimeout(120_000);
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "upstand-e2e-next-start-"));
  const { TRUSTED_PROXY_HEADER: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...inherited, NODE_ENV: "production", DATA_DIR: dataDir, AUTH_SECRET: "x".repeat(40) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  try {
    // Next.js may start its instrumentation with the first request: ask until it has exited.
    const ask = setInterval(() => void fetch(`http://127.0.0.1:${port}/api/health`).catch(() => {}), 1_000);
    const code = await exited;
    clearInterval(ask);
    expect(code).toBe(1);
    expect(output).toContain("Upstand cannot start: it is not running behind its own server");
    expect(output).toContain("TRUSTED_PROXY_HEADER=x-vercel-forwarded-for");
  } finally {
    child.kill("SIGKILL");
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

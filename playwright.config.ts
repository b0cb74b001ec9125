import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// This file is read by the runner and again by each worker; the port and data directory are
// chosen once, by the runner, and reach the workers through the environment they inherit.
// Chromium's headless shell when it is installed: the same engine without the windowing parts of
// the full browser, it takes about a quarter less CPU over the suite.
const CHROMIUM =
  process.env.CHROMIUM_PATH ??
  ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find((binary) => fs.existsSync(binary));
if (!CHROMIUM || !fs.existsSync(CHROMIUM)) {
  throw new Error(
    `No Chromium${CHROMIUM ? ` at ${CHROMIUM}` : ""}. Install Debian's with:\n\n  sudo apt-get install -y chromium-headless-shell\n\n` +
      "or point CHROMIUM_PATH at another Chromium or Chrome binary.",
  );
}

process.env.E2E_PORT ??= execFileSync(process.execPath, [
  "-e",
  "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})",
])
  .toString()
  .trim();
process.env.E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "upstand-e2e-"));

const baseURL = `http://localhost:${process.env.E2E_PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"]],
  // A guard against hangs, not a speed check: with two workers and a server on two cores, a
  // journey of a dozen pages that takes 10 s alone has taken over 30 s in the full suite.
  timeout: 60_000,
  // Likewise for each expectation: a client navigation to a server-rendered staff page has taken
  // over 5 s there.
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    // A failed test keeps its trace (actions, DOM snapshots, network) but no screencast: recording
    // frames of every page throughout every test took about a third of the suite's CPU.
    trace: { mode: "retain-on-failure", screenshots: false },
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"] } },
    // At phone size, only the journeys whose layout differs there (tagged @phone): reading, signing,
    // pledging, leaving quickly, and the accessibility scan in one colour scheme.
    { name: "phone", use: { ...devices["Pixel 7"] }, grep: /@phone/ },
  ],
  webServer: {
    command: "node_modules/.bin/tsx --conditions=react-server tests/e2e/server.ts",
    url: `${baseURL}/`,
    // Building first: about a minute alone, several on a loaded 2-core machine.
    timeout: 600_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: process.env.E2E_PORT,
      HOST: "127.0.0.1",
      DATA_DIR: process.env.E2E_DATA_DIR,
      NODE_ENV: "production",
    },
  },
});

// The release as a host runs it, after `npm prune --omit=dev`: `npm start` (plain node on the
// build, production dependencies only) on a fresh embedded database must serve the health check,
// the home page and the petition. Plain JavaScript: there is no tsx any more. Exits non-zero if not.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const port = await new Promise((resolve) => {
  const probe = net.createServer().listen(0, "127.0.0.1", () => {
    const { port: free } = probe.address();
    probe.close(() => resolve(free));
  });
});
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "upstand-release-"));
const {
  DATABASE_URL: _url,
  DATABASE_DIRECT_URL: _direct,
  DATABASE_READ_URL: _read,
  ...inherited
} = process.env;
const server = spawn("npm", ["start"], {
  env: { ...inherited, PORT: String(port), DATA_DIR: dataDir, AUTH_SECRET: "release-check-".padEnd(44, "x") },
  stdio: ["ignore", "inherit", "inherit"],
  detached: true,
});
const base = `http://127.0.0.1:${port}`;
let failure = null;
try {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`npm start exited with ${server.exitCode}`);
    const health = await fetch(`${base}/api/health`).catch(() => null);
    if (health?.status === 200) break;
    if (Date.now() > deadline) throw new Error("npm start did not answer /api/health within 120 s");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  for (const [page, words] of [
    ["/", "Sign the petition"],
    ["/petition/protect-children-online", "Sign"],
  ]) {
    const response = await fetch(`${base}${page}`);
    const html = await response.text();
    if (response.status !== 200 || !html.includes(words))
      throw new Error(`${page} answered ${response.status} without "${words}"`);
    console.log(`release check: ${page} ${response.status}`);
  }
} catch (error) {
  failure = error;
} finally {
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {
    // already gone
  }
  await new Promise((resolve) => (server.exitCode === null ? server.once("exit", resolve) : resolve()));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
if (failure) {
  console.error(`release check failed: ${failure.message}`);
  process.exit(1);
}
console.log("release check: npm start served the build with production dependencies only");

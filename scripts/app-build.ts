import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import * as esbuild from "esbuild";

// What a build of Upstand is: Next.js's (.next) plus its server and command-line tools compiled
// to plain JavaScript (.next/upstand), so that `npm start` runs them with `node` and production
// dependencies only. A build reads no database and no network: public pages are rendered on
// their first request (app/[locale]/layout.tsx), so one build serves any database.

const BUILD_DIR = ".next";
export const SERVER_DIR = path.join(BUILD_DIR, "upstand");

/** The compiled entry points, each `node .next/upstand/<name>.mjs`. */
const ENTRY_POINTS = {
  server: "scripts/serve.ts",
  "db-migrate": "scripts/db-migrate.ts",
  staff: "scripts/staff.ts",
  "counts-reconcile": "scripts/counts-reconcile.ts",
  retention: "scripts/retention.ts",
};

// Everything that changes what a build produces. Tests and docs do not.
const INPUTS = [
  "app",
  "components",
  "lib",
  "db",
  "public",
  "scripts",
  "instrumentation.ts",
  "proxy.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];

const FINGERPRINT_FILE = path.join(SERVER_DIR, "fingerprint");

function* files(entry: string): Generator<string> {
  if (!fs.existsSync(entry)) return;
  if (fs.statSync(entry).isDirectory()) {
    for (const name of fs.readdirSync(entry).sort()) yield* files(path.join(entry, name));
  } else {
    yield entry;
  }
}

function sourceFingerprint(): string {
  const hash = createHash("sha256");
  for (const input of INPUTS) {
    for (const file of files(input))
      hash.update(file).update("\0").update(fs.readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

/** Whether a complete build exists (what `npm start` asks, in scripts/start.mjs). */
function hasBuild(): boolean {
  return fs.existsSync(path.join(BUILD_DIR, "BUILD_ID")) && fs.existsSync(FINGERPRINT_FILE);
}

/** Whether the build was made from the sources as they are now (what the test harness asks). */
function isBuildCurrent(): boolean {
  return hasBuild() && fs.readFileSync(FINGERPRINT_FILE, "utf8") === sourceFingerprint();
}

const NEXT_BIN = createRequire(import.meta.url).resolve("next/dist/bin/next");

/**
 * Compiles the server and the command-line tools: bundled with their modules from lib/ and db/,
 * with packages left to node_modules. `server-only` is compiled away: it guards the client
 * bundles, which these are not.
 */
export async function compileServer(): Promise<void> {
  await esbuild.build({
    entryPoints: ENTRY_POINTS,
    outdir: SERVER_DIR,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
    plugins: [
      {
        name: "server-only",
        setup(build) {
          build.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
          build.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "" }));
        },
      },
    ],
  });
}

/** `next build`, then the server, then a note of what the build was made from. */
export async function build(): Promise<void> {
  const fingerprint = sourceFingerprint();
  // Without telemetry: a build needs no network, and sends nothing anywhere.
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  await compileServer();
  fs.writeFileSync(FINGERPRINT_FILE, fingerprint);
}

/** The test harness's build: only when the sources changed since the last one. */
export async function buildIfChanged(): Promise<void> {
  if (!isBuildCurrent()) await build();
}

/** How a test or benchmark runs the built server: plain node, as `npm start` does. */
export const SERVER_COMMAND = [process.execPath, path.join(SERVER_DIR, "server.mjs")] as const;

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pickDriver } from "@/lib/database-driver";
import { env } from "@/lib/env";

// Everything that changes what `next build` produces. Tests, docs and scripts do not.
const INPUTS = [
  "app",
  "components",
  "lib",
  "db",
  "public",
  "instrumentation.ts",
  "proxy.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];

const FINGERPRINT_FILE = path.join(".next", "upstand-build-fingerprint");

function* files(entry: string): Generator<string> {
  if (!fs.existsSync(entry)) return;
  if (fs.statSync(entry).isDirectory()) {
    for (const name of fs.readdirSync(entry).sort()) yield* files(path.join(entry, name));
  } else {
    yield entry;
  }
}

/**
 * Pages are prerendered from the database, so a build belongs to the database it was made
 * from as much as to the sources: switching databases calls for a new build.
 */
function databaseIdentity(): string {
  const config = env();
  const driver = pickDriver(config);
  if (driver === "pglite") return `pglite:${path.resolve(config.DATA_DIR)}`;
  const url = new URL((driver === "vercel" ? config.POSTGRES_URL : config.DATABASE_URL)!);
  return `${driver}:${url.hostname}:${url.port}${url.pathname}`;
}

function sourceFingerprint(): string {
  const hash = createHash("sha256").update(databaseIdentity()).update("\0");
  for (const input of INPUTS) {
    for (const file of files(input)) hash.update(file).update("\0").update(fs.readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

export function isBuildCurrent(): boolean {
  if (!fs.existsSync(path.join(".next", "BUILD_ID"))) return false;
  try {
    return fs.readFileSync(FINGERPRINT_FILE, "utf8") === sourceFingerprint();
  } catch {
    return false;
  }
}

const NEXT_BIN = createRequire(import.meta.url).resolve("next/dist/bin/next");

export const TSX_BIN = path.join("node_modules", ".bin", "tsx");

/**
 * Node's arguments for running the server's scripts: TypeScript through tsx's loader inside the
 * one process (the tsx command would add a launcher process of ~50 MB), with the react-server
 * condition so that server-only modules load.
 */
export const SERVER_NODE_ARGS = ["--conditions=react-server", "--import", "tsx"];

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/**
 * Brings the database up to date (the build reads it to prerender pages), runs `next build`,
 * then notes what the build was made from, so that `npm start` knows when to build again.
 */
export function build(): void {
  const fingerprint = sourceFingerprint();
  run(TSX_BIN, ["--conditions=react-server", "scripts/db-prepare.ts"]);
  run(process.execPath, [NEXT_BIN, "build"]);
  fs.writeFileSync(FINGERPRINT_FILE, fingerprint);
}

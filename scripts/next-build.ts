import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

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

function sourceFingerprint(): string {
  const hash = createHash("sha256");
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

export const NEXT_BIN = createRequire(import.meta.url).resolve("next/dist/bin/next");

/** `next build`, then a note of what it was built from, so `npm start` knows when to rebuild. */
export function build(): void {
  const fingerprint = sourceFingerprint();
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
  fs.writeFileSync(FINGERPRINT_FILE, fingerprint);
}

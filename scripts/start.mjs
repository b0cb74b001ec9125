// `npm start`, and the command-line tools (`npm run db:migrate`, `npm run staff`,
// `npm run counts:reconcile`, `npm run retention`): runs a compiled entry point of the build, .next/upstand/<name>.mjs,
// with plain node and production dependencies only. Plain JavaScript, because it runs before
// anything is compiled: on a fresh checkout (after `npm install`) it builds first. Only then: a
// build that exists is never replaced under a running server; after changing the code, run
// `npm run build` (README, "Deploying"). What counts as a build is scripts/app-build.ts's
// hasBuild, repeated here because that file is TypeScript.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const name = process.argv[2] ?? "server";
const entry = path.resolve(".next", "upstand", `${name}.mjs`);
const built =
  fs.existsSync(path.join(".next", "BUILD_ID")) &&
  fs.existsSync(path.join(".next", "upstand", "fingerprint"));

if (!built) {
  if (!fs.existsSync(path.join("node_modules", "tsx"))) {
    console.error(
      "\nThere is no build here, and no devDependencies to make one: run `npm ci && npm run build` first.\n",
    );
    process.exit(1);
  }
  console.log("No build yet: building Upstand first (a few minutes; `npm run build` does this on its own).");
  const npm = process.env.npm_execpath;
  const result = npm
    ? spawnSync(process.execPath, [npm, "run", "build"], { stdio: "inherit" })
    : spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
if (!fs.existsSync(entry)) {
  console.error(`\nThe build has no ${name}: run \`npm run build\` again.\n`);
  process.exit(1);
}
if (name === "server") process.env.NODE_ENV = "production";
// The entry point reads its own arguments from argv[2] on, as when run directly.
process.argv.splice(2, 1);
await import(pathToFileURL(entry).href);

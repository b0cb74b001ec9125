import { build, isBuildCurrent } from "./next-build";
import { runCli } from "./cli";
import { env } from "@/lib/env";

// `npm start` (NODE_ENV=production, under SERVER_NODE_ARGS): build when the sources changed since the last build, then serve. The server
// itself applies migrations and seeds an empty database when it starts (instrumentation.ts).
runCli(async () => {
  env();
  if (!isBuildCurrent()) {
    console.log("No current build: building Upstand first (about a minute)...");
    build();
  }
  // Served from this process (a second one would hold another copy of Node.js in memory),
  // until a signal stops it (scripts/serve.ts).
  await import("./serve");
  await new Promise<never>(() => {});
});

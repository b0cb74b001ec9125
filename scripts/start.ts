import { spawn } from "node:child_process";
import { build, isBuildCurrent, TSX_BIN } from "./next-build";
import { runCli } from "./cli";
import { env } from "@/lib/env";

// `npm start`: build when the sources changed since the last build, then serve. The server
// itself applies migrations and seeds an empty database when it starts (instrumentation.ts).
runCli(async () => {
  env();
  if (!isBuildCurrent()) {
    console.log("No current build: building Upstand first (about a minute)...");
    build();
  }
  // A process of its own, so that it starts clean of this script's modules and its lock.
  const server = spawn(TSX_BIN, ["scripts/serve.ts"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  const code = await new Promise<number>((resolve) => server.on("exit", (status) => resolve(status ?? 1)));
  process.exit(code);
});

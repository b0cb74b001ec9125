import { spawn } from "node:child_process";
import { build, isBuildCurrent, NEXT_BIN } from "./next-build";
import { runCli } from "./cli";
import { env } from "@/lib/env";

// `npm start`: build when the sources changed since the last build, then serve. The server
// itself applies migrations and seeds an empty database when it starts (instrumentation.ts).
runCli(async () => {
  const config = env();
  if (!isBuildCurrent()) {
    console.log("No current build: building Upstand first (about a minute)...");
    build();
  }
  const args = [NEXT_BIN, "start", "--port", String(config.PORT)];
  if (config.HOST) args.push("--hostname", config.HOST);
  const server = spawn(process.execPath, args, { stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  const code = await new Promise<number>((resolve) => server.on("exit", (status) => resolve(status ?? 1)));
  process.exit(code);
});

import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { test } from "@playwright/test";
import { freePort } from "../../scripts/free-port";
import { SERVER_COMMAND } from "../../scripts/app-build";

const START_GUARD_MS = 120_000;

export interface AppServer {
  url: string;
  port: number;
  process: ChildProcess;
  /** Stops it as a crash would: SIGKILL to the whole process group, no shutdown of any kind. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
  /** What the server has printed so far, stdout and stderr, when started with `captureOutput`. */
  output(): string;
}

/**
 * Another Upstand server, from the current build, on 127.0.0.1 and a free port, with the
 * environment given. It does not rebuild: a build in progress would pull the files from under
 * the server the other tests use. The test that starts it stops it.
 */
export async function startAppServer(
  env: Record<string, string>,
  port?: number,
  { captureOutput = false }: { captureOutput?: boolean } = {},
): Promise<AppServer> {
  port ??= await freePort();
  const child = spawn(SERVER_COMMAND[0], [SERVER_COMMAND[1]], {
    env: {
      ...process.env,
      AUTH_SECRET: process.env.AUTH_SECRET || randomBytes(32).toString("base64url"),
      // HOST: "" leaves the choice of interface to the server's own default.
      HOST: "127.0.0.1",
      ...env,
      PORT: String(port),
      NODE_ENV: "production",
    },
    stdio: ["ignore", captureOutput ? "pipe" : "ignore", captureOutput ? "pipe" : "inherit"],
    detached: true,
  });
  const printed: Buffer[] = [];
  child.stdout?.on("data", (chunk: Buffer) => printed.push(chunk));
  child.stderr?.on("data", (chunk: Buffer) => printed.push(chunk));
  const url = `http://localhost:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signalGroup = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, signal);
    } catch {
      return;
    }
    await exited;
    // Wait until the whole group is gone, whatever it started.
    for (let i = 0; i < 100; i++) {
      try {
        process.kill(-child.pid!, 0);
      } catch {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  // A guard against a hang: a start takes seconds alone, and has taken over a minute beside the
  // rest of CI on two cores. The test that starts a server gets that long on top of its own time.
  test.info().setTimeout(test.info().timeout + START_GUARD_MS);
  const deadline = Date.now() + START_GUARD_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/pledges/do-my-part/totals`)).status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await signalGroup("SIGKILL");
      throw new Error(`the app server did not start within ${START_GUARD_MS / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return {
    url,
    port,
    process: child,
    kill9: () => signalGroup("SIGKILL"),
    stop: () => signalGroup("SIGTERM"),
    output: () => Buffer.concat(printed).toString("utf8"),
  };
}

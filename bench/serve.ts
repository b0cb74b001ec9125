import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../scripts/free-port";
import { buildIfChanged, SERVER_COMMAND } from "../scripts/app-build";

export interface BenchServer {
  url: string;
  port: number;
  /** The server's resident memory in MB, read from /proc. */
  rssMb(): number;
  /** Kills the server and every process it started with SIGKILL, as a crash would: no clean-up runs. */
  kill9(): Promise<void>;
  /** Starts it again on the same port, data directory and environment; resolves once it answers. */
  restart(): Promise<void>;
  /** CPU time the server's process tree has used so far, user and system, in seconds. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

async function waitFor(url: string, server: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/**
 * `npm start` on 127.0.0.1 and a free port (or `options.port`), on a fresh embedded database of
 * its own (or the DATABASE_URL in the environment), for a benchmark to measure. Stopped by the caller.
 */
export async function startBenchServer(
  env: Record<string, string> = {},
  options: { port?: number } = {},
): Promise<BenchServer> {
  const port = options.port ?? (await freePort());
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "upstand-bench-"));
  await buildIfChanged();
  const launch = () =>
    spawn(SERVER_COMMAND[0], [SERVER_COMMAND[1]], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(port),
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
        ...env,
      },
      stdio: ["ignore", "inherit", "inherit"],
    });
  let server = launch();
  const url = `http://localhost:${port}`;
  await waitFor(`${url}/`, server, 300_000);
  return {
    url,
    port,
    async kill9() {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      for (const pid of [...childPids(server.pid!), server.pid!]) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
      await exited;
    },
    async restart() {
      server = launch();
      await waitFor(`${url}/`, server, 300_000);
    },
    rssMb() {
      // The server and anything it started: the resident memory of the whole tree.
      const pids = [server.pid!, ...childPids(server.pid!)];
      return Math.round(pids.reduce((sum, pid) => sum + residentKb(pid), 0) / 1024);
    },
    cpuSeconds() {
      const pids = [server.pid!, ...childPids(server.pid!)];
      return pids.reduce((sum, pid) => sum + cpuTicks(pid), 0) / CLOCK_TICKS_PER_SECOND;
    },
    async stop() {
      if (server.exitCode === null && server.signalCode === null) {
        server.kill("SIGTERM");
        await new Promise((resolve) => server.once("exit", resolve));
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function childPids(pid: number): number[] {
  try {
    const children = fs
      .readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
    return children.flatMap((child) => [child, ...childPids(child)]);
  } catch {
    return [];
  }
}

function residentKb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Linux's USER_HZ, the unit of /proc/PID/stat's CPU times. */
const CLOCK_TICKS_PER_SECOND = 100;

function cpuTicks(pid: number): number {
  try {
    // utime and stime: the 14th and 15th fields, counted after the parenthesised command name.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../scripts/free-port";

export interface PostgresCluster {
  url: string;
  stop(): void;
}

/**
 * A throwaway Postgres cluster from the installed server binaries, on 127.0.0.1 and a free
 * port, with default durability settings (fsync and synchronous_commit on). Root cannot run
 * Postgres, so as root it runs as the postgres user.
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const initdb = execFileSync("sh", ["-c", 'readlink -f "$(command -v initdb)"']).toString().trim();
  if (!initdb) throw new Error("No Postgres server binaries (initdb) on PATH: apt-get install postgresql");
  const bin = path.dirname(initdb);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "upstand-bench-pg-"));
  const asPostgres = process.getuid?.() === 0 ? ["runuser", "-u", "postgres", "--"] : [];
  if (asPostgres.length) execFileSync("chown", ["postgres", root]);
  const run = (command: string, args: string[]) => {
    const [head, ...rest] = [...asPostgres, command, ...args];
    execFileSync(head!, rest, { stdio: "ignore" });
  };
  const port = await freePort();
  const data = path.join(root, "data");
  run(path.join(bin, "initdb"), ["-D", data, "-U", "app", "--auth=trust"]);
  run(path.join(bin, "pg_ctl"), [
    "-D",
    data,
    "-l",
    path.join(data, "server.log"),
    "-w",
    "-o",
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${data} -c max_connections=300`,
    "start",
  ]);
  execFileSync(path.join(bin, "createdb"), [
    "-h",
    "127.0.0.1",
    "-p",
    String(port),
    "-U",
    "app",
    "upstand_bench",
  ]);
  return {
    url: `postgres://app@127.0.0.1:${port}/upstand_bench`,
    stop() {
      try {
        run(path.join(bin, "pg_ctl"), ["-D", data, "-m", "fast", "stop"]);
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    },
  };
}

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../scripts/free-port";

export interface PrimaryAndReplica {
  primaryUrl: string;
  replicaUrl: string;
  stop(): void;
}

/** The directory of the installed Postgres server binaries, or null. */
export function findPostgresBin(): string | null {
  try {
    const initdb = execFileSync("sh", ["-c", 'readlink -f "$(command -v initdb)"']).toString().trim();
    const bin = path.dirname(initdb);
    return initdb && fs.existsSync(path.join(bin, "pg_basebackup")) ? bin : null;
  } catch {
    return null;
  }
}

/**
 * A throwaway primary and a streaming replica of it (pg_basebackup -R), each on 127.0.0.1 and a
 * free port, with a database `name` made on the primary before the copy. Postgres refuses to run
 * as root, so as root both run as the postgres user.
 */
export async function startPrimaryAndReplica(name: string): Promise<PrimaryAndReplica> {
  const bin = findPostgresBin();
  if (!bin)
    throw new Error(
      "No Postgres server binaries (initdb, pg_basebackup) on PATH: apt-get install postgresql",
    );
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "upstand-replica-"));
  const asPostgres = process.getuid?.() === 0 ? ["runuser", "-u", "postgres", "--"] : [];
  if (asPostgres.length) execFileSync("chown", ["postgres", root]);
  const run = (command: string, args: string[]) => {
    const [head, ...rest] = [...asPostgres, path.join(bin, command), ...args];
    execFileSync(head!, rest, { stdio: "ignore" });
  };
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const primary = path.join(root, "primary");
  const replica = path.join(root, "replica");
  const start = (data: string, port: number) =>
    run("pg_ctl", [
      "-D",
      data,
      "-l",
      `${data}.log`,
      "-w",
      "-o",
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${data}`,
      "start",
    ]);
  const stop = (data: string) => {
    if (fs.existsSync(path.join(data, "postmaster.pid"))) run("pg_ctl", ["-D", data, "-m", "fast", "stop"]);
  };
  try {
    // initdb's pg_hba.conf lets 127.0.0.1 replicate (trust), and wal_level=replica is the default;
    // a fast checkpoint, or pg_basebackup waits for the next spread one (minutes).
    run("initdb", ["-D", primary, "-U", "app", "--auth=trust"]);
    start(primary, primaryPort);
    run("createdb", ["-h", "127.0.0.1", "-p", String(primaryPort), "-U", "app", name]);
    run("pg_basebackup", [
      "-D",
      replica,
      "-R",
      "-X",
      "stream",
      "--checkpoint=fast",
      "-h",
      "127.0.0.1",
      "-p",
      String(primaryPort),
      "-U",
      "app",
    ]);
    start(replica, replicaPort);
  } catch (error) {
    stop(replica);
    stop(primary);
    fs.rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return {
    primaryUrl: `postgres://app@127.0.0.1:${primaryPort}/${name}`,
    replicaUrl: `postgres://app@127.0.0.1:${replicaPort}/${name}`,
    stop() {
      try {
        stop(replica);
        stop(primary);
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    },
  };
}

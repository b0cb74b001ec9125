import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../scripts/free-port";

export interface PgBouncer {
  /** A URL of the server's, with PgBouncer's host and port in place of the server's. */
  url(serverUrl: string): string;
  stop(): Promise<void>;
}

/** Where Debian's pgbouncer is, or null: /usr/sbin is not on every user's PATH. */
export function findPgBouncer(): string | null {
  const dirs = [...(process.env.PATH ?? "").split(path.delimiter), "/usr/sbin", "/usr/local/sbin"];
  for (const dir of dirs) {
    const candidate = path.join(dir, "pgbouncer");
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * PgBouncer in transaction mode (as Neon's -pooler endpoint and most managed poolers run) in
 * front of the Postgres server at `serverUrl`, on 127.0.0.1 and a free port, every database
 * passed through. `poolSize` server connections per database: 1 makes every client share one
 * session, so what leaks from one client to another always does. PgBouncer refuses to run as
 * root, so as root it runs as the postgres user.
 */
export async function startPgBouncer(serverUrl: string, { poolSize = 20 } = {}): Promise<PgBouncer> {
  const binary = findPgBouncer();
  if (!binary) throw new Error("pgbouncer is not installed (apt-get install pgbouncer)");
  const server = new URL(serverUrl);
  const user = decodeURIComponent(server.username);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "upstand-pgbouncer-"));
  const port = await freePort();
  fs.writeFileSync(path.join(dir, "users.txt"), `"${user}" ""\n`);
  fs.writeFileSync(
    path.join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      `* = host=${server.hostname} port=${server.port || 5432}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${path.join(dir, "users.txt")}`,
      "pool_mode = transaction",
      `default_pool_size = ${poolSize}`,
      "max_client_conn = 1000",
      "ignore_startup_parameters = extra_float_digits",
      "",
    ].join("\n"),
  );
  const asRoot = process.getuid?.() === 0;
  const ids = asRoot
    ? {
        uid: Number(execFileSync("id", ["-u", "postgres"]).toString()),
        gid: Number(execFileSync("id", ["-g", "postgres"]).toString()),
      }
    : {};
  if (asRoot) execFileSync("chown", ["-R", `${ids.uid}:${ids.gid}`, dir]);
  const child = spawn(binary, [path.join(dir, "pgbouncer.ini")], {
    ...ids,
    stdio: ["ignore", "ignore", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let log = "";
  await new Promise<void>((resolve, reject) => {
    child.stderr.on("data", (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes(`listening on 127.0.0.1:${port}`)) resolve();
    });
    child.once("exit", (code) => reject(new Error(`pgbouncer exited (${code}) before listening:\n${log}`)));
  });
  return {
    url(target) {
      const through = new URL(target);
      through.hostname = "127.0.0.1";
      through.port = String(port);
      return through.toString();
    },
    async stop() {
      child.kill("SIGTERM");
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../scripts/free-port";

export interface Pooler {
  url: string;
  stop(): void;
}

/**
 * PgBouncer in transaction mode in front of `serverUrl` (a `postgres://user@host:port/db` with
 * trust authentication), on 127.0.0.1 and a free port, with its configuration in a temporary
 * directory. As root it runs as the postgres user, as Debian's service does.
 */
export async function startPgBouncer(serverUrl: string, poolSize: number): Promise<Pooler> {
  const server = new URL(serverUrl);
  const database = server.pathname.slice(1);
  const user = decodeURIComponent(server.username);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "upstand-bench-pgbouncer-"));
  const port = await freePort();
  fs.writeFileSync(path.join(dir, "userlist.txt"), `"${user}" ""\n`);
  fs.writeFileSync(
    path.join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      `${database} = host=${server.hostname} port=${server.port} dbname=${database} user=${user}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${path.join(dir, "userlist.txt")}`,
      "pool_mode = transaction",
      "max_client_conn = 2000",
      `default_pool_size = ${poolSize}`,
      // node-postgres sends these at connect; PgBouncer refuses unknown startup parameters.
      "ignore_startup_parameters = extra_float_digits,options",
      `logfile = ${path.join(dir, "pgbouncer.log")}`,
      `pidfile = ${path.join(dir, "pgbouncer.pid")}`,
      "",
    ].join("\n"),
  );
  const asPostgres = process.getuid?.() === 0 ? ["runuser", "-u", "postgres", "--"] : [];
  if (asPostgres.length) execFileSync("chown", ["-R", "postgres", dir]);
  const [head, ...rest] = [...asPostgres, "/usr/sbin/pgbouncer", "-d", path.join(dir, "pgbouncer.ini")];
  execFileSync(head!, rest, { stdio: "inherit" });
  // The daemon writes its pid file once it listens, a moment after the command returns.
  const pidFile = path.join(dir, "pgbouncer.pid");
  for (const deadline = Date.now() + 10_000; !fs.existsSync(pidFile) || !fs.readFileSync(pidFile, "utf8").trim(); ) {
    if (Date.now() > deadline) throw new Error(`PgBouncer did not start: see ${path.join(dir, "pgbouncer.log")}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const pid = Number(fs.readFileSync(pidFile, "utf8"));
  server.port = String(port);
  return {
    url: server.toString(),
    stop() {
      try {
        process.kill(pid, "SIGTERM");
      } catch {
        // already gone
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

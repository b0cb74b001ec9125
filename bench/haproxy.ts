import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../scripts/free-port";

export interface Balancer {
  url: string;
  stop(): Promise<void>;
}

/** The header the balancer adds to each response: which instance answered (its server name). */
export const INSTANCE_HEADER = "x-upstand-instance";

/**
 * HAProxy on 127.0.0.1 and a free port, round robin over `instances` (name to port), each
 * checked every second on GET /api/health: down after two failures (each allowed two seconds),
 * back after two successes.
 * Its configuration lives in a temporary directory; it runs in the foreground as our child.
 */
export async function startHaproxy(instances: Record<string, number>): Promise<Balancer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "upstand-bench-haproxy-"));
  const port = await freePort();
  const config = path.join(dir, "haproxy.cfg");
  fs.writeFileSync(
    config,
    [
      "global",
      "  maxconn 8000",
      "defaults",
      "  mode http",
      "  timeout connect 5s",
      // Longer than the streams' 15 s heartbeat, so an open stream is never cut for silence.
      "  timeout client 60s",
      "  timeout server 60s",
      "  timeout tunnel 1h",
      "  timeout http-keep-alive 10s",
      // A request that cannot reach a dead instance is tried on another.
      "  option redispatch",
      "  retries 3",
      "frontend web",
      `  bind 127.0.0.1:${port}`,
      "  default_backend upstand",
      "backend upstand",
      "  balance roundrobin",
      // The bench's clients all connect from 127.0.0.1, so each simulated supporter sends its own
      // X-Real-IP, passed through untouched (TRUSTED_PROXY_HEADER=x-real-ip). In production the
      // balancer must set it from the connection instead: http-request set-header X-Real-IP %[src].
      "  option httpchk",
      "  http-check send meth GET uri /api/health ver HTTP/1.1 hdr Host localhost hdr X-Real-IP 127.0.0.1",
      "  http-check expect status 200",
      `  http-response set-header ${INSTANCE_HEADER} %s`,
      // A check may wait on an event loop busy with the load: two seconds before it counts as failed.
      "  timeout check 2s",
      "  default-server inter 1s fall 2 rise 2",
      ...Object.entries(instances).map(
        ([name, instancePort]) => `  server ${name} 127.0.0.1:${instancePort} check`,
      ),
      "",
    ].join("\n"),
  );
  const haproxy = spawn("/usr/sbin/haproxy", ["-db", "-f", config], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (haproxy.exitCode === null) {
      haproxy.kill("SIGTERM");
      await new Promise((resolve) => haproxy.once("exit", resolve));
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (haproxy.exitCode !== null) throw new Error(`haproxy exited with ${haproxy.exitCode}`);
      const ok = await fetch(`${url}/api/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error("haproxy did not answer within 30 s");
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

import { expect, test } from "@playwright/test";
import { pickDriver } from "@/db/drivers/pick-driver";
import { parseEnv } from "@/lib/env";
import { startAppServer } from "../helpers/app-server";
import { startTcpProxy } from "../helpers/tcp-proxy";

const config = parseEnv(process.env);

test(
  "the health check answers a load balancer polling often, uncached, with the version",
  { tag: "@engine" },
  async ({ request }) => {
    for (let i = 0; i < 50; i++) {
      const response = await request.get("/api/health", { headers: { "X-Real-IP": "192.0.2.250" } });
      expect(response.status()).toBe(200);
      expect(response.headers()["cache-control"]).toBe("no-store");
      expect(await response.json()).toMatchObject({
        ok: true,
        database: "up",
        version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      });
    }
  },
);

test(
  "with its database unreachable, an instance says so with 503, and recovers by itself",
  { tag: "@engine" },
  async () => {
    test.skip(
      pickDriver(config) !== "pg",
      "the embedded database lives inside the app process; it cannot be down on its own",
    );
    test.setTimeout(120_000);
    const target = new URL(config.DATABASE_URL!);
    const proxy = await startTcpProxy(Number(target.port || 5432));
    target.host = `127.0.0.1:${proxy.port}`;
    const app = await startAppServer({ DATABASE_URL: target.toString() });
    const health = async () => {
      const response = await fetch(`${app.url}/api/health`);
      return { status: response.status, body: await response.json() };
    };
    try {
      await expect.poll(health, { timeout: 30_000 }).toMatchObject({ status: 200, body: { ok: true } });
      await proxy.cut();
      await expect
        .poll(health, { timeout: 30_000 })
        .toMatchObject({ status: 503, body: { ok: false, database: "down" } });
      await proxy.restore();
      await expect
        .poll(health, { timeout: 60_000 })
        .toMatchObject({ status: 200, body: { ok: true, database: "up" } });
    } finally {
      await app.stop();
      await proxy.close();
    }
  },
);

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { inArray, sql } from "drizzle-orm";
import { openPg } from "@/db/drivers/pg";
import { openPglite } from "@/db/drivers/pglite";
import { countSlots, signatures } from "@/db/schema";
import { pickDriver } from "@/db/drivers/pick-driver";
import { parseEnv } from "@/lib/env";
import { startAppServer } from "../helpers/app-server";
import { startTcpProxy } from "../helpers/tcp-proxy";

// Bad days, each on a server of the test's own: the database going away, and a crash.
const config = parseEnv(process.env);
const onServer = pickDriver(config) === "pg";
// On a server the petition is shared with other tests, so it is one of their own; the crash test
// on the embedded database runs on a fresh database of its own, with only the demo petition.
const slug = onServer ? "e2e-resilience" : "protect-children-online";
const signer = (email: string) => ({
  firstName: "Res",
  lastName: "Ilient",
  email,
  country: "US",
  postalCode: "20500",
  acceptsPrivacy: true,
});

test(
  "with the database down, signing answers 503 calmly, a page shows the calm error page, and both recover by themselves",
  { tag: "@engine" },
  async ({ page }) => {
    test.skip(!onServer, "the embedded database lives inside the app process; it cannot be down on its own");
    test.setTimeout(120_000);
    const target = new URL(config.DATABASE_URL!);
    const proxy = await startTcpProxy(Number(target.port || 5432));
    target.host = `127.0.0.1:${proxy.port}`;
    const app = await startAppServer({ DATABASE_URL: target.toString(), TRUSTED_PROXY_HEADER: "x-real-ip" });
    const sign = (email: string, ip: string) =>
      fetch(`${app.url}/api/petitions/${slug}/signatures`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Real-IP": ip },
        body: JSON.stringify(signer(email)),
      });
    try {
      expect((await sign("before.outage@example.org", "192.0.2.1")).status).toBe(202);

      await proxy.cut();
      const during = await sign("during.outage@example.org", "192.0.2.2");
      expect(during.status).toBe(503);
      expect(during.headers.get("retry-after")).toBeTruthy();
      expect(await during.json()).toEqual({
        ok: false,
        formError: "We could not save the signature just now; nothing was stored. Please try again shortly.",
      });
      // A reader who opens the petition now gets the site's calm page, with a way out and help.
      await page.goto(`${app.url}/petition/${slug}`);
      await expect(page.getByRole("heading", { name: "This page didn't load" })).toBeVisible();
      await expect(page.getByTestId("leave-quickly")).toBeVisible();
      await expect(page.getByText("NCMEC CyberTipline").first()).toBeVisible();
      await expect(page.getByRole("link", { name: "Go to the home page" })).toBeVisible();

      await proxy.restore();
      await expect(async () => {
        expect((await sign("after.outage@example.org", "192.0.2.3")).status).toBe(202);
      }).toPass({ timeout: 30_000 });
      await page.goto(`${app.url}/petition/${slug}`);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("national priority");
    } finally {
      await app.stop();
      await proxy.close();
    }
  },
);

test(
  "every acknowledged signature survives kill -9 of the app, and the count stays exact",
  { tag: "@engine" },
  async () => {
    test.setTimeout(180_000);
    const dataDir = onServer ? null : fs.mkdtempSync(path.join(os.tmpdir(), "upstand-crash-"));
    const app = await startAppServer({
      TRUSTED_PROXY_HEADER: "x-real-ip",
      ...(dataDir ? { DATA_DIR: dataDir } : {}),
    });
    const acknowledged: string[] = [];
    let running = true;
    const senders = Array.from({ length: 8 }, async (_, sender) => {
      for (let i = 0; running; i++) {
        const email = `crash-${sender}-${i}-${Date.now()}@example.org`;
        try {
          const response = await fetch(`${app.url}/api/petitions/${slug}/signatures`, {
            method: "POST",
            headers: { "Content-Type": "application/json", "X-Real-IP": `198.18.${sender}.${i % 250}` },
            body: JSON.stringify(signer(email)),
          });
          if (response.status === 202) acknowledged.push(email);
        } catch {
          return; // the server is gone
        }
      }
    });
    await expect.poll(() => acknowledged.length, { timeout: 60_000 }).toBeGreaterThan(50);
    await app.kill9();
    running = false;
    await Promise.all(senders);

    const database = dataDir ? openPglite(path.join(dataDir, "pglite")) : openPg(config.DATABASE_URL!, 2);
    try {
      const found = await database.db
        .select({ email: signatures.email, id: signatures.id })
        .from(signatures)
        .where(inArray(signatures.email, acknowledged));
      expect(new Set(found.map((row) => row.email))).toEqual(new Set(acknowledged));
      if (dataDir) {
        // On its own database, the petition's pending total is exactly its rows.
        const [rows] = (
          await database.db.execute<{ n: number }>(
            sql`select count(*)::int as n from signatures s join petitions p on p.id = s.petition_id where p.slug = ${slug} and s.state = 'pending'`,
          )
        ).rows;
        const [counted] = (
          await database.db.execute<{ n: number }>(
            sql`select coalesce(sum(c.count), 0)::int as n from ${countSlots} c join petitions p on p.id = c.subject_id where p.slug = ${slug} and c.state = 'pending'`,
          )
        ).rows;
        expect(counted?.n).toBe(rows?.n);
      }
    } finally {
      await database.close();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
);

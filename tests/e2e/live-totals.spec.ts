import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
  type Page,
} from "@playwright/test";
import { pickDriver } from "@/db/drivers/pick-driver";
import { parseEnv } from "@/lib/env";
import { startAppServer } from "../helpers/app-server";
import { linkIn, waitForMailTo } from "./pages/mailbox";

async function signAndConfirm(
  page: Page,
  request: APIRequestContext,
  slug: string,
  email: string,
  origin = "",
) {
  const response = await request.post(`/api/petitions/${slug}/signatures`, {
    headers: { "X-Real-IP": `192.0.2.${Math.floor(Math.random() * 250) + 1}` },
    data: { firstName: "Live", lastName: "Watcher", email, country: "FR", acceptsPrivacy: true },
  });
  expect(response.status()).toBe(202);
  await page.goto(`${origin}${linkIn(await waitForMailTo(request, email), "/confirm/")}`);
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { name: "Your signature is confirmed" })).toBeVisible();
}

const verifiedOn = (page: Page) =>
  page
    .getByTestId("live-total")
    .filter({ hasText: /verified signatures?/ })
    .first();

// How soon a confirmation reaches every open page is a figure of `npm run bench:live`
// (docs/PERFORMANCE.md); these tests wait for the event, not for a time.
test(
  "a signature confirmed in one browser moves the total in another, without a reload",
  { tag: "@engine" },
  async ({ browser, request }) => {
    const slug = "e2e-live";
    const watcher = await (await browser.newContext()).newPage();
    await watcher.goto(`/petition/${slug}`);
    const total = verifiedOn(watcher);
    const before = Number(await total.getAttribute("data-value"));
    const { signedToday } = (await (await request.get(`/api/petitions/${slug}/totals`)).json()) as {
      signedToday: number;
    };

    const signer = await (await browser.newContext()).newPage();
    await signAndConfirm(signer, request, slug, "live.watcher@example.org");
    await expect(total).toHaveAttribute("data-value", String(before + 1));
    await expect(total).toContainText(new Intl.NumberFormat("en-US").format(before + 1));
    // Confirmed just now: today's figure moves with the total.
    await expect(watcher.getByTestId("signed-today")).toContainText(`${signedToday + 1} signed today`);
  },
);

test(
  "when the stream cannot be reached, the page falls back to the totals endpoint",
  { tag: "@engine" },
  async ({ browser, request }) => {
    const slug = "e2e-live-fallback";
    const watcher = await (await browser.newContext()).newPage();
    await watcher.route("**/stream", (route) => route.abort());
    await watcher.goto(`/petition/${slug}`);
    const total = verifiedOn(watcher);
    const before = Number(await total.getAttribute("data-value"));
    const signer = await (await browser.newContext()).newPage();
    await signAndConfirm(signer, request, slug, "fallback.watcher@example.org");
    await expect(total).toHaveAttribute("data-value", String(before + 1), { timeout: 15_000 });
  },
);

test(
  "the totals endpoint can be cached by a CDN for two seconds",
  { tag: "@engine" },
  async ({ request }) => {
    const response = await request.get("/api/petitions/e2e-live/totals");
    expect(response.headers()["cache-control"]).toBe(
      "public, s-maxage=2, stale-while-revalidate=10, stale-if-error=60",
    );
    expect(await response.json()).toEqual({
      verified: expect.any(Number),
      pending: expect.any(Number),
      goal: expect.any(Number),
      signedToday: expect.any(Number),
      recentSigners: expect.any(Array),
    });
    expect((await request.get("/api/petitions/no-such-petition/stream")).status()).toBe(404);
  },
);

test(
  "a second app process on the same Postgres receives the push",
  { tag: "@engine" },
  async ({ page, request }) => {
    const config = parseEnv(process.env);
    test.skip(pickDriver(config) !== "pg", "the embedded database belongs to one process");
    const slug = "e2e-live-second-process";
    const second = await startAppServer({ TRUSTED_PROXY_HEADER: "x-real-ip" });
    const controller = new AbortController();
    try {
      const response = await fetch(`${second.url}/api/petitions/${slug}/stream`, {
        signal: controller.signal,
      });
      expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
      const reader = response.body!.getReader();
      const events: { verified: number }[] = [];
      let buffer = "";
      const reading = (async () => {
        for (let part = await reader.read(); !part.done; part = await reader.read()) {
          buffer += new TextDecoder().decode(part.value);
          for (const match of buffer.matchAll(/event: totals\ndata: (.+)\n\n/g))
            events.push(JSON.parse(match[1]!));
          buffer = buffer.slice(buffer.lastIndexOf("\n\n") + 2);
        }
      })().catch(() => {});
      await expect.poll(() => events.length).toBeGreaterThan(0);
      const before = events.at(-1)!.verified;

      await signAndConfirm(page, request, slug, "second.process@example.org");
      await expect.poll(() => events.at(-1)!.verified).toBe(before + 1);
      controller.abort();
      await reading;
    } finally {
      controller.abort();
      await second.stop();
    }
  },
);

test("the stream reconnects after the server restarts", { tag: "@engine" }, async ({ page }) => {
  test.setTimeout(120_000);
  const config = parseEnv(process.env);
  const onServer = pickDriver(config) === "pg";
  const dataDir = onServer ? null : fs.mkdtempSync(path.join(os.tmpdir(), "upstand-restart-"));
  const env = {
    TRUSTED_PROXY_HEADER: "x-real-ip",
    DEV_MAILBOX: "on",
    ...(dataDir ? { DATA_DIR: dataDir } : {}),
  };
  const slug = onServer ? "e2e-live-restart" : "protect-children-online";
  let server = await startAppServer(env);
  const streams: string[] = [];
  page.on("request", (request) => {
    if (request.url().endsWith(`/api/petitions/${slug}/stream`)) streams.push(request.url());
  });
  try {
    await page.goto(`${server.url}/petition/${slug}`);
    const total = verifiedOn(page);
    // This server's own count: the page itself was prerendered from the test suite's database.
    const before = (
      (await (await fetch(`${server.url}/api/petitions/${slug}/totals`)).json()) as { verified: number }
    ).verified;
    await expect(total).toHaveAttribute("data-value", String(before));
    await expect.poll(() => streams.length).toBeGreaterThan(0);
    const opened = streams.length;

    await server.stop();
    server = await startAppServer(env, server.port);
    await expect.poll(() => streams.length, { timeout: 30_000 }).toBeGreaterThan(opened);

    const api = await playwrightRequest.newContext({ baseURL: server.url });
    await signAndConfirm(
      await page.context().newPage(),
      api,
      slug,
      "restart.watcher@example.org",
      server.url,
    );
    await expect(total).toHaveAttribute("data-value", String(before + 1));
    await api.dispose();
  } finally {
    await server.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

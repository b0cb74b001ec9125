import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { API_ROUTES } from "@/lib/api/direct-routes";
import { SERVER_COMMAND } from "../../scripts/app-build";
import { freePort } from "../../scripts/free-port";
import { linkIn, waitForMailTo } from "./pages/mailbox";

test("started as plain `next start`, without Upstand's server or a trusted proxy header, production refuses to start and says what to set", async () => {
  test.setTimeout(120_000);
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "upstand-e2e-next-start-"));
  const { TRUSTED_PROXY_HEADER: _ignored, ...inherited } = process.env;
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      env: { ...inherited, NODE_ENV: "production", DATA_DIR: dataDir, AUTH_SECRET: "x".repeat(40) },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  try {
    // Next.js may start its instrumentation with the first request: ask until it has exited.
    const ask = setInterval(() => void fetch(`http://127.0.0.1:${port}/api/health`).catch(() => {}), 1_000);
    const code = await exited;
    clearInterval(ask);
    expect(code).toBe(1);
    expect(output).toContain("Upstand cannot start: it is not running behind its own server");
    expect(output).toContain("TRUSTED_PROXY_HEADER=x-vercel-forwarded-for");
  } finally {
    child.kill("SIGKILL");
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test(
  "as Vercel serves it, plain `next start` answers every route handler under app/api: a supporter signs, confirms by email, and the total moves on the stream",
  { tag: "@engine" },
  async ({ playwright }) => {
    test.setTimeout(180_000);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "upstand-e2e-next-start-"));
    const child = spawn(
      process.execPath,
      ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"],
      {
        // On the embedded database a data directory of its own (it admits one process); on Postgres
        // the same database as the other server: two instances.
        env: {
          ...process.env,
          NODE_ENV: "production",
          DATA_DIR: dataDir,
          AUTH_SECRET: "x".repeat(40),
          TRUSTED_PROXY_HEADER: "x-real-ip",
          DEV_MAILBOX: "on",
        },
        stdio: ["ignore", "ignore", "inherit"],
        detached: true,
      },
    );
    const api = await playwright.request.newContext({ baseURL: base });
    const exercised = new Set<string>();
    const call = async (
      method: "GET" | "POST" | "DELETE" | "OPTIONS",
      route: string,
      url: string,
      options: Parameters<typeof api.fetch>[1] = {},
    ) => {
      const response = await api.fetch(url, { method, maxRedirects: 0, ...options });
      // A route handler's own answer: not Next.js's 404 for a route it does not have, never a 5xx.
      expect(response.status(), `${method} ${url}`).toBeLessThan(500);
      exercised.add(`${method} ${route}`);
      return response;
    };
    try {
      await expect(async () => expect((await api.get("/api/health")).status()).toBe(200)).toPass({
        timeout: 120_000,
      });
      const health = await call("GET", "/api/health", "/api/health");
      expect(await health.json()).toMatchObject({ ok: true, database: "up" });

      // On Postgres the other server's tests count the demo petition's supporters: sign elsewhere.
      const slug = process.env.DATABASE_URL ? "e2e-next-start" : "protect-children-online";
      const before = (await (
        await call("GET", "/api/petitions/[slug]/totals", `/api/petitions/${slug}/totals`)
      ).json()) as { verified: number };
      // The stream, read as a browser's EventSource would.
      const controller = new AbortController();
      const stream = await fetch(`${base}/api/petitions/${slug}/stream`, { signal: controller.signal });
      expect(stream.headers.get("content-type")).toMatch(/^text\/event-stream/);
      exercised.add("GET /api/petitions/[slug]/stream");
      const totalsSeen: number[] = [];
      void (async () => {
        const decoder = new TextDecoder();
        let buffer = "";
        try {
          for await (const chunk of stream.body!) {
            buffer += decoder.decode(chunk as Uint8Array, { stream: true });
            for (const match of buffer.matchAll(/"verified":(\d+)/g)) totalsSeen.push(Number(match[1]));
            buffer = buffer.slice(buffer.lastIndexOf("\n\n") + 1);
          }
        } catch {
          // aborted at the end of the test
        }
      })();

      const email = `next-start-${Date.now()}@example.org`;
      const signed = await call(
        "POST",
        "/api/petitions/[slug]/signatures",
        `/api/petitions/${slug}/signatures`,
        {
          headers: { "X-Real-IP": "10.77.0.1" },
          data: {
            firstName: "Nia",
            lastName: "Start",
            email,
            country: "US",
            postalCode: "10001",
            acceptsPrivacy: true,
          },
        },
      );
      expect(signed.status()).toBe(202);
      const token = linkIn(await waitForMailTo(api, email), "/confirm/")
        .split("/")
        .pop()!;
      const confirmed = await call("POST", "/api/links/[action]", "/api/links/confirm", {
        form: { token },
        headers: { "X-Real-IP": "10.77.0.1" },
      });
      expect(confirmed.status()).toBe(303);
      expect(confirmed.headers().location).toBe(`/confirm/${token}`);
      await expect.poll(() => totalsSeen.at(-1), { timeout: 15_000 }).toBe(before.verified + 1);
      controller.abort();
      const after = (await (await api.get(`/api/petitions/${slug}/totals`)).json()) as { verified: number };
      expect(after.verified).toBe(before.verified + 1);
      // A withdraw or fulfil link that is not one: the handler's own answer, a page saying so.
      expect(
        (
          await call("POST", "/api/links/[action]", "/api/links/withdraw", { form: { token: "short" } })
        ).headers().location,
      ).toBe("/withdraw/invalid");
      expect(
        (
          await call("POST", "/api/links/fulfil", "/api/links/fulfil", {
            form: { token: "short", commitment: "x" },
          })
        ).headers().location,
      ).toBe("/fulfil/invalid");

      // "Report this comment", for a comment that is not shown: as JSON, and as the page's plain form.
      const unknownComment = "/api/comments/00000000-0000-0000-0000-000000000000/reports";
      const reported = await call("POST", "/api/comments/[id]/reports", unknownComment, {
        headers: { "X-Real-IP": "10.77.0.3" },
        data: {},
      });
      expect(reported.status()).toBe(404);
      expect(await reported.json()).toMatchObject({ ok: false, outcome: "not-shown" });
      expect(
        (
          await call("POST", "/api/comments/[id]/reports", unknownComment, {
            headers: { "X-Real-IP": "10.77.0.3" },
            form: { petition: slug },
          })
        ).headers().location,
      ).toBe(`/comment-reported?outcome=not-shown&petition=${slug}`);

      // The pledge's three routes.
      const pledge = process.env.DATABASE_URL ? "e2e-pledge-next-start" : "do-my-part";
      const taken = await call("POST", "/api/pledges/[slug]/takers", `/api/pledges/${pledge}/takers`, {
        headers: { "X-Real-IP": "10.77.0.2" },
        data: {
          firstName: "Nia",
          lastName: "Start",
          email: `pledge-${email}`,
          country: "US",
          postalCode: "10001",
          acceptsPrivacy: true,
          commitments: ["learn-to-report"],
        },
      });
      expect(taken.status(), await taken.text()).toBe(202);
      expect(
        await (await call("GET", "/api/pledges/[slug]/totals", `/api/pledges/${pledge}/totals`)).json(),
      ).toHaveProperty("verified");
      const pledgeStream = await fetch(`${base}/api/pledges/${pledge}/stream`);
      expect(pledgeStream.headers.get("content-type")).toMatch(/^text\/event-stream/);
      await pledgeStream.body!.cancel();
      exercised.add("GET /api/pledges/[slug]/stream");

      // Staff sign-in's routes, which only Next.js serves.
      expect(await (await call("GET", "/api/auth/[...nextauth]", "/api/auth/csrf")).json()).toHaveProperty(
        "csrfToken",
      );
      const signIn = await call("POST", "/api/auth/[...nextauth]", "/api/auth/signout", {
        form: { csrfToken: "not-the-token" },
      });
      expect(signIn.status()).toBeLessThan(500);

      // The OSDI API's routes: 401 without a key is the handler's own answer, not Next.js's 404.
      const unknownId = "00000000-0000-0000-0000-000000000000";
      for (const route of API_ROUTES.direct.filter(({ path: route }) => route.startsWith("/api/osdi/"))) {
        const response = await call(route.method, route.path, route.path.replace(/\[\w+\]/g, unknownId));
        expect(response.status(), route.path).toBe(401);
      }

      // The open counts, and their CORS preflights, for any site to read.
      for (const kind of ["petitions", "pledges"] as const) {
        const campaign = kind === "petitions" ? slug : pledge;
        for (const [counts, query] of [
          ["breakdown", ""],
          ["history", "?interval=day"],
        ] as const) {
          const route = `/api/${kind}/[slug]/${counts}`;
          const url = `/api/${kind}/${campaign}/${counts}${query}`;
          const read = await call("GET", route, url);
          expect(read.status(), url).toBe(200);
          expect(read.headers()["access-control-allow-origin"]).toBe("*");
          expect((await call("OPTIONS", route, url)).status(), url).toBe(204);
        }
      }

      // The integrity roots and proofs, open to any site as the counts are (no root published yet).
      for (const [proofs, query] of [
        ["roots", ""],
        ["proof", `?leaf=${"0".repeat(64)}`],
      ] as const) {
        const route = `/api/petitions/[slug]/integrity/${proofs}`;
        const url = `/api/petitions/${slug}/integrity/${proofs}${query}`;
        const read = await call("GET", route, url);
        expect(read.status(), url).toBe(200);
        expect(read.headers()["access-control-allow-origin"]).toBe("*");
        expect((await call("OPTIONS", route, url)).status(), url).toBe(204);
      }

      // The OpenAPI document, and the keyed routes only Next.js serves: 401 without a key.
      expect((await call("GET", "/api/openapi.json", "/api/openapi.json")).status()).toBe(200);
      for (const [method, route, url] of [
        [
          "POST",
          "/api/osdi/v1/petitions/[id]/signatures/record_signature_helper",
          `/api/osdi/v1/petitions/${unknownId}/signatures/record_signature_helper`,
        ],
        ["GET", "/api/webhooks", "/api/webhooks"],
        ["POST", "/api/webhooks", "/api/webhooks"],
        ["DELETE", "/api/webhooks/[id]", `/api/webhooks/${unknownId}`],
      ] as const)
        expect((await call(method, route, url)).status(), `${method} ${url}`).toBe(401);

      // Every route in the table (lib/api/direct-routes.ts) was answered by its handler.
      expect([...exercised].sort()).toEqual(
        [...API_ROUTES.direct, ...API_ROUTES.throughNext]
          .map(({ method, path: route }) => `${method} ${route}`)
          .sort(),
      );
    } finally {
      await api.dispose();
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
      await new Promise((resolve) => (child.exitCode === null ? child.once("exit", resolve) : resolve(null)));
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
);

test("pages rendered on request are kept in memory only: a stream of made-up addresses writes nothing to disk", async ({
  request,
}) => {
  const made = Array.from({ length: 5 }, (_, i) => `made-up-${Date.now()}-${i}`);
  for (const slug of made) {
    expect((await request.get(`/petition/${slug}`)).status()).toBe(404);
    // Cached all the same: the second answer comes from the instance's memory.
    expect((await request.get(`/petition/${slug}`)).headers()["x-nextjs-cache"]).toBe("HIT");
  }
  const written = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((entry) => (entry.isDirectory() ? written(path.join(dir, entry.name)) : [entry.name]));
  expect(written(".next").filter((name) => made.some((slug) => name.includes(slug)))).toEqual([]);
});

test(
  "on a fresh database the very first request may be a signature: the server listens only once its database is ready, and takes it",
  { tag: "@engine" },
  async () => {
    test.setTimeout(120_000);
    const port = await freePort();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "upstand-e2e-first-request-"));
    const env = process.env.DATABASE_URL ? {} : { DATA_DIR: dataDir };
    const child = spawn(SERVER_COMMAND[0], [SERVER_COMMAND[1]], {
      env: {
        ...process.env,
        ...env,
        NODE_ENV: "production",
        PORT: String(port),
        HOST: "127.0.0.1",
        AUTH_SECRET: "x".repeat(40),
        TRUSTED_PROXY_HEADER: "x-real-ip",
      },
      stdio: ["ignore", "ignore", "inherit"],
      detached: true,
    });
    try {
      let first: Response | null = null;
      while (!first) {
        expect(child.exitCode, "the server is still running").toBeNull();
        first = await fetch(
          `http://127.0.0.1:${port}/api/petitions/${process.env.DATABASE_URL ? "e2e-first-request" : "protect-children-online"}/signatures`,
          {
            method: "POST",
            headers: { "Content-Type": "application/json", "X-Real-IP": "10.78.0.1" },
            body: JSON.stringify({
              firstName: "Ola",
              lastName: "First",
              email: `first-${Date.now()}@example.org`,
              country: "US",
              postalCode: "10001",
              acceptsPrivacy: true,
            }),
          },
        ).catch(() => null);
        if (!first) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(first.status, await first.text()).toBe(202);
    } finally {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
      await new Promise((resolve) => (child.exitCode === null ? child.once("exit", resolve) : resolve(null)));
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
);

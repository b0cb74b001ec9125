import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/openapi.json/route";
import { openApiDocument } from "@/lib/openapi/document";
import { REFUSED_CHARACTERS } from "../helpers/hostile-corpus";
import { serveWebHandler } from "../../scripts/web-handler";

// GET /api/openapi.json over real HTTP to its route handler, with the request and response
// plumbing of Upstand's server (scripts/web-handler.ts): what it answers, that what a caller adds
// to it changes nothing, and its per-address flood limit. (The built app serving it through
// Next.js: tests/e2e/openapi.spec.ts.)
vi.hoisted(() => {
  vi.stubEnv("TRUSTED_PROXY_HEADER", "x-real-ip");
  // An hour to refill, so nothing comes back while the test runs.
  vi.stubEnv("FLOOD_LIMIT_TOTALS", "5/3600");
});

describe("GET /api/openapi.json", () => {
  let server: http.Server;
  let url: string;
  let caller = 0;
  const get = (query = "", headers: Record<string, string> = {}) =>
    fetch(`${url}/api/openapi.json${query}`, {
      headers: { "X-Real-IP": `198.51.100.${++caller}`, ...headers },
    });

  beforeAll(async () => {
    server = http.createServer((incoming, outgoing) => void serveWebHandler(incoming, outgoing, GET));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://localhost:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    vi.unstubAllEnvs();
  });

  it("answers the OpenAPI 3.1 document as JSON, cacheable", async () => {
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.oai.openapi+json;version=3.1");
    expect(response.headers.get("cache-control")).toMatch(/^public, max-age=\d+/);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });

  it("answers the same document whatever a caller adds to the request, never a 5xx", async () => {
    const expected = JSON.stringify(openApiDocument());
    const hostile = [...REFUSED_CHARACTERS, "__proto__", "constructor", "x".repeat(2000), "%", "%zz", "💥"];
    for (const value of hostile) {
      // A lone surrogate has no UTF-8 form; its bytes as if it had one are sent below.
      const encoded = encodeURIComponent(value.toWellFormed());
      const response = await get(`?${encoded}=${encoded}&raw=%ED%A0%80%00`, {
        "Accept-Language": value.replace(/[^\x20-\x7e]/g, "") || "*",
      });
      expect(response.status, JSON.stringify(value.slice(0, 20))).toBe(200);
      expect(await response.text()).toBe(expected);
    }
  });

  it("refuses one address past FLOOD_LIMIT_TOTALS with 429 and Retry-After", async () => {
    const headers = { "X-Real-IP": "203.0.113.9" };
    const fetchAs = () => fetch(`${url}/api/openapi.json`, { headers });
    for (let i = 0; i < 5; i++) expect((await fetchAs()).status).toBe(200);
    const refused = await fetchAs();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await get()).status).toBe(200);
  });
});

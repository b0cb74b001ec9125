import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb } from "@/db";
import { authenticateApiKey } from "@/lib/api-keys/authenticate";
import { createApiKey } from "@/lib/api-keys/manage";
import { getFeaturedCampaign } from "@/db/queries/campaigns";
import { freshDemoPetition } from "../helpers/signing";
import { startHandlerServer, type HandlerServer } from "../helpers/handler-server";
import { openStream, type OpenStream } from "../helpers/open-stream";

// The flood limits the API handlers apply themselves, over real HTTP to those handlers on the
// real database, with low limits so that a few requests reach them. Every caller names its address
// in X-Real-IP, as behind a reverse proxy, so one test can play many addresses. (Pages and staff
// sign-in are limited by Upstand's own server in front of Next.js: tests/e2e/flood-limits.spec.ts.)
vi.hoisted(() => {
  const limits = {
    TRUSTED_PROXY_HEADER: "x-real-ip",
    // An hour to refill, so nothing comes back while a test runs.
    FLOOD_LIMIT_TOTALS: "5/3600",
    FLOOD_LIMIT_STREAMS: "8/3600",
    FLOOD_STREAMS_PER_ADDRESS: "2",
    FLOOD_STREAMS_PER_INSTANCE: "4",
    FLOOD_LIMIT_API_KEY: "3/3600",
  };
  for (const [name, value] of Object.entries(limits)) vi.stubEnv(name, value);
});

function expectRetryAfter(value: string | string[] | null | undefined) {
  expect(Number(value)).toBeGreaterThanOrEqual(1);
}

describe("per-address flood limits at the API", () => {
  let server: HandlerServer;
  let petition: string;
  let pledge: string;
  const fetchAs = (pathname: string, ip: string) =>
    fetch(`${server.url}${pathname}`, { headers: { "X-Real-IP": ip } });

  beforeAll(async () => {
    ({ slug: petition } = await freshDemoPetition());
    pledge = (await getFeaturedCampaign())!.pledge!.slug;
    server = await startHandlerServer();
  });
  afterAll(async () => {
    await server?.stop();
    await closeDb();
    vi.unstubAllEnvs();
  });

  it("a flood at the totals endpoint from one address gets 429 with Retry-After, while another address is served", async () => {
    const flooder = "198.51.100.10";
    for (let i = 0; i < 5; i++)
      expect((await fetchAs(`/api/petitions/${petition}/totals`, flooder)).status).toBe(200);
    const refused = await fetchAs(`/api/petitions/${petition}/totals`, flooder);
    expect(refused.status).toBe(429);
    expectRetryAfter(refused.headers.get("retry-after"));
    expect(await refused.json()).toEqual({
      error: "Too many requests from your address. Please wait a little and try again.",
    });
    // One allowance for every totals endpoint.
    expect((await fetchAs(`/api/pledges/${pledge}/totals`, flooder)).status).toBe(429);

    const bystander = await fetchAs(`/api/petitions/${petition}/totals`, "198.51.100.11");
    expect(bystander.status).toBe(200);
    expect(await bystander.json()).toMatchObject({ verified: expect.any(Number) });
  });

  it("two IPv6 addresses in one /64 share an allowance; one in another /64 does not", async () => {
    for (let i = 0; i < 5; i++)
      expect((await fetchAs(`/api/pledges/${pledge}/totals`, "2001:db8:1:2::1")).status).toBe(200);
    const sameNetwork = await fetchAs(`/api/pledges/${pledge}/totals`, "2001:db8:1:2:ffff:ffff:ffff:9");
    expect(sameNetwork.status).toBe(429);
    expectRetryAfter(sameNetwork.headers.get("retry-after"));
    expect((await fetchAs(`/api/pledges/${pledge}/totals`, "2001:db8:1:3::1")).status).toBe(200);
  });

  it("open streams are capped per address and per instance, 503 with Retry-After beyond, and a closed one frees its place", async () => {
    const stream = `/api/petitions/${petition}/stream`;
    const open: OpenStream[] = [];
    try {
      for (const ip of ["192.0.2.21", "192.0.2.21"]) {
        const accepted = await openStream(server.port, stream, ip);
        expect(accepted.status).toBe(200);
        expect(await accepted.firstEvent).toContain('"verified"');
        open.push(accepted);
      }
      const perAddress = await openStream(server.port, stream, "192.0.2.21");
      expect(perAddress.status).toBe(503);
      expectRetryAfter(perAddress.headers["retry-after"]);
      expect(await perAddress.body).toContain("Too many live updates are open from your address");

      for (const ip of ["192.0.2.22", "192.0.2.23"]) {
        const accepted = await openStream(server.port, stream, ip);
        expect(accepted.status).toBe(200);
        open.push(accepted);
      }
      const perInstance = await openStream(server.port, stream, "192.0.2.24");
      expect(perInstance.status).toBe(503);
      expectRetryAfter(perInstance.headers["retry-after"]);
      expect(await perInstance.body).toContain("The server is carrying as many live updates as it can");

      open.shift()!.close();
      // The place comes back once the close reaches the server.
      await expect
        .poll(async () => {
          const after = await openStream(server.port, stream, "192.0.2.24");
          open.push(after);
          return after.status;
        })
        .toBe(200);
      expect(await open.at(-1)!.firstEvent).toContain('"verified"');
    } finally {
      for (const stream of open) stream.close();
    }
  });

  it("opening streams from one address, even for nothing, runs out with 429", async () => {
    const ip = "192.0.2.30";
    // The test before closed its streams; the server lets go of them as the closes reach it, and
    // until then the instance's cap answers 503. Wait for that, from an address of its own.
    await expect
      .poll(async () => (await fetchAs("/api/petitions/no-such-petition/stream", "192.0.2.31")).status)
      .toBe(404);
    for (let i = 0; i < 8; i++)
      expect((await fetchAs("/api/petitions/no-such-petition/stream", ip)).status).toBe(404);
    const refused = await fetchAs(`/api/petitions/${petition}/stream`, ip);
    expect(refused.status).toBe(429);
    expectRetryAfter(refused.headers.get("retry-after"));
  });

  it("an API key over its limit gets 429 with Retry-After from whichever address it calls, while another key is served", async () => {
    const [busy, other] = await Promise.all(
      ["Busy sync", "Other sync"].map((name) => createApiKey(null, { name, scopes: ["read:petitions"] })),
    );
    const callWith = (key: string, ip: string) =>
      authenticateApiKey(
        new Request("http://localhost/api/osdi/v1/petitions", {
          headers: { "OSDI-API-Token": key, "X-Real-IP": ip },
        }),
        "read:petitions",
      );
    for (let i = 0; i < 3; i++) expect((await callWith(busy!.key, `198.51.100.${40 + i}`)).ok).toBe(true);
    const refused = await callWith(busy!.key, "198.51.100.50");
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.response.status).toBe(429);
    expectRetryAfter(refused.response.headers.get("retry-after"));
    expect(((await refused.response.json()) as { error: string }).error).toMatch(/this API key/);
    expect((await callWith(other!.key, "198.51.100.50")).ok).toBe(true);
  });
});

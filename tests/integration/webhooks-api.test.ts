import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as endpoint from "@/app/api/webhooks/[id]/route";
import * as endpoints from "@/app/api/webhooks/route";
import { closeDb, getDb } from "@/db";
import { auditLog, webhookEndpoints } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/manage";
import { serveWebHandler } from "../../scripts/web-handler";
import { hostileCorpus } from "../helpers/hostile-corpus";
import { freshDemoPetition } from "../helpers/signing";
import { z } from "zod";
import { webhookEndpointAnswerSchema } from "@/lib/openapi/paths/webhooks";

// /api/webhooks over real HTTP: the route handlers behind a plain server, as scripts/serve.ts
// serves requests, with keys made as the command line makes them. The testing setting is on, so
// that an endpoint on 127.0.0.1 can be registered (the guard is tested in webhooks-ssrf.test.ts).
const previous = process.env.WEBHOOKS_ALLOW_PRIVATE;
let server: http.Server;
let base = "";
let webhooksKey = "";
let readKey = "";

beforeAll(async () => {
  process.env.WEBHOOKS_ALLOW_PRIVATE = "on";
  await freshDemoPetition();
  webhooksKey = (await createApiKey(null, { name: "Webhook manager", scopes: ["webhooks"] })).key;
  readKey = (await createApiKey(null, { name: "Reader", scopes: ["read:people"] })).key;
  server = http.createServer((incoming, outgoing) => {
    const path = (incoming.url ?? "/").split("?")[0]!;
    const id = /^\/api\/webhooks\/([^/]+)$/.exec(path)?.[1];
    void serveWebHandler(incoming, outgoing, async (request) => {
      if (path === "/api/webhooks" && request.method === "GET") return endpoints.GET(request);
      if (path === "/api/webhooks" && request.method === "POST") return endpoints.POST(request);
      if (id !== undefined && request.method === "DELETE")
        return endpoint.DELETE(request, { params: Promise.resolve({ id: decodeURIComponent(id) }) });
      return new Response(null, { status: 405 });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await closeDb();
  if (previous === undefined) delete process.env.WEBHOOKS_ALLOW_PRIVATE;
  else process.env.WEBHOOKS_ALLOW_PRIVATE = previous;
});

const call = (
  method: string,
  path: string,
  key: string | null,
  body?: string,
  contentType = "application/json",
) =>
  fetch(`${base}${path}`, {
    method,
    headers: {
      ...(key ? { "OSDI-API-Token": key } : {}),
      ...(body !== undefined ? { "Content-Type": contentType } : {}),
    },
    body,
  });

describe("/api/webhooks", () => {
  it("refuses a call without a key, or with a key lacking the webhooks scope", async () => {
    expect((await call("GET", "/api/webhooks", null)).status).toBe(401);
    const refused = await call("GET", "/api/webhooks", readKey);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toMatch(/webhooks scope/);
    expect((await call("DELETE", "/api/webhooks/00000000-0000-4000-8000-000000000000", readKey)).status).toBe(
      403,
    );
  });

  it("registers an endpoint, shows its secret once, lists it without, and deletes it, every call audited", async () => {
    const made = await call(
      "POST",
      "/api/webhooks",
      webhooksKey,
      JSON.stringify({
        url: "http://127.0.0.1:9/hooks",
        description: "CRM",
        events: ["person.erased", "signature.confirmed"],
      }),
    );
    expect(made.status).toBe(201);
    const body = await made.json();
    expect(body).toMatchObject({
      url: "http://127.0.0.1:9/hooks",
      description: "CRM",
      events: ["signature.confirmed", "person.erased"],
      status: "active",
      secret: expect.stringMatching(/^whsec_/),
    });
    // What the OpenAPI document says of these answers, and nothing else (lib/openapi/paths/webhooks.ts).
    expect(
      webhookEndpointAnswerSchema.strict().extend({ secret: z.string() }).safeParse(body).error,
    ).toBeUndefined();
    const listed = await (await call("GET", "/api/webhooks", webhooksKey)).json();
    for (const endpoint of listed.endpoints)
      expect(webhookEndpointAnswerSchema.strict().safeParse(endpoint).error).toBeUndefined();
    expect(listed.endpoints.map((row: { id: string }) => row.id)).toContain(body.id);
    expect(JSON.stringify(listed)).not.toContain(body.secret);
    expect(JSON.stringify(listed)).not.toContain("whsec_");

    expect((await call("DELETE", `/api/webhooks/${body.id}`, webhooksKey)).status).toBe(204);
    expect((await call("DELETE", `/api/webhooks/${body.id}`, webhooksKey)).status).toBe(404);
    expect((await call("DELETE", "/api/webhooks/not-a-uuid", webhooksKey)).status).toBe(404);
    expect(await getDb().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, body.id))).toEqual([]);
    const entries = await getDb()
      .select({ action: auditLog.action, actor: auditLog.actorEmail })
      .from(auditLog)
      .where(eq(auditLog.subjectId, body.id));
    expect(entries.map((entry) => entry.action).sort()).toEqual(["webhook.create", "webhook.delete"]);
    expect(entries[0]!.actor).toMatch(/^API key upk_[\w-]{8} \(Webhook manager\)$/);
  });

  it("says what is wrong with an endpoint on its field", async () => {
    const answer = await call(
      "POST",
      "/api/webhooks",
      webhooksKey,
      JSON.stringify({ url: "ftp://x", events: [] }),
    );
    expect(answer.status).toBe(400);
    expect((await answer.json()).fieldErrors).toEqual({
      url: ["Enter a full address, starting with https://"],
      events: ["Choose at least one event to send"],
    });
  });

  it("answers every hostile body without a server error", async () => {
    const corpus = hostileCorpus(
      "webhooks",
      (email) => ({
        url: `http://127.0.0.1:9/${email}`,
        description: email,
        events: ["signature.confirmed"],
      }),
      "example.org",
    ).filter((_, i) => i % 3 === 0);
    expect(corpus.length).toBeGreaterThan(100);
    const statuses: string[] = [];
    for (const request of corpus) {
      const answer = await fetch(`${base}/api/webhooks`, {
        method: "POST",
        headers: {
          "OSDI-API-Token": webhooksKey,
          ...(request.contentType ? { "Content-Type": request.contentType } : {}),
        },
        body: request.body,
      });
      if (answer.status >= 500 || ![201, 400, 413, 415].includes(answer.status))
        statuses.push(`${answer.status} ${request.name}`);
    }
    expect(statuses).toEqual([]);
  });
});

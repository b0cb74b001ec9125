import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "@/db";
import { auditLog } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/manage";
import { startHandlerServer, type HandlerServer } from "../helpers/handler-server";
import { REFUSED_CHARACTERS } from "../helpers/hostile-corpus";
import { addSupporter } from "../helpers/osdi";
import { freshDemoPetition } from "../helpers/signing";

// What the OSDI API refuses, and how, over real HTTP: bad filters and paging, keys in the
// address or without the scope, a key over its rate limit, and hostile ids and parameters,
// none of which may get a 5xx.
vi.hoisted(() => {
  // An hour to refill, so that the limit is reached by a few calls and nothing comes back.
  vi.stubEnv("FLOOD_LIMIT_API_KEY", "30/3600");
});

describe("the OSDI API's refusals", () => {
  let server: HandlerServer;
  let petition: string;
  let signature: string;

  beforeAll(async () => {
    ({ id: petition } = await freshDemoPetition());
    signature = await addSupporter("signature", petition, "someone@example.org", "verified");
    server = await startHandlerServer();
  });
  afterAll(async () => {
    await server?.stop();
    await closeDb();
    vi.unstubAllEnvs();
  });

  const newKey = async (scopes: ("read:petitions" | "read:people")[] = ["read:petitions", "read:people"]) =>
    (await createApiKey(null, { name: "Refusals", scopes })).key;
  const call = (key: string, path: string) =>
    fetch(`${server.url}/api/osdi/v1${path}`, { headers: { "OSDI-API-Token": key } });

  it("refuses a filter it does not support with 400 and the list of what it does", async () => {
    const key = await newKey();
    for (const filter of [
      "email eq 'a@example.org'",
      "modified_date eq '2026-01-01'",
      "modified_date gt 2026-01-01",
      "modified_date gt '2026-02-30'",
      "modified_date gt '2026-01-01T25:00:00Z'",
      "modified_date gt 'yesterday'",
      "modified_date gt '2026-01-01' or created_date lt '2027-01-01'",
      `modified_date gt '2026-01-01'${" and created_date lt '2027-01-01'".repeat(4)}`,
    ]) {
      const response = await call(
        key,
        `/petitions/${petition}/signatures?filter=${encodeURIComponent(filter)}`,
      );
      expect(response.status, filter).toBe(400);
      const { error } = (await response.json()) as { error: string };
      expect(error).toContain("Supported: modified_date or created_date");
    }
    for (const filter of [
      "modified_date gt '2026-01-01T00:00:00Z'",
      "modified_date ge '2026-01-01' and modified_date lt '2999-01-01T00:00:00.123456+02:00'",
      "created_date le '2999-12-31T23:59:59Z'",
    ]) {
      const response = await call(
        key,
        `/petitions/${petition}/signatures?filter=${encodeURIComponent(filter)}`,
      );
      expect(response.status, filter).toBe(200);
      expect(((await response.json()) as { total_records: number }).total_records).toBe(1);
    }
    const none = await call(
      key,
      `/petitions/${petition}/signatures?filter=${encodeURIComponent("created_date lt '2000-01-01'")}`,
    );
    expect(((await none.json()) as { total_records: number }).total_records).toBe(0);
  });

  it("refuses bad paging, unknown parameters and forged cursors with 400, and clamps per_page", async () => {
    const key = await newKey();
    for (const query of [
      "page=0",
      "page=-1",
      "page=abc",
      "per_page=0",
      "per_page=1.5",
      "after=xyz",
      "sort=name",
      "page=1&page=2",
    ]) {
      const response = await call(key, `/people?${query}`);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { error: string }).error).toBeTruthy();
    }
    const clamped = await call(key, `/people?per_page=1000000`);
    expect(((await clamped.json()) as { per_page: number }).per_page).toBe(25);
  });

  it("refuses a key in the address (400), no key (401), and a key without the scope (403)", async () => {
    const key = await newKey(["read:petitions"]);
    expect((await fetch(`${server.url}/api/osdi/v1/petitions?OSDI-API-Token=${key}`)).status).toBe(400);
    expect((await fetch(`${server.url}/api/osdi/v1/petitions`)).status).toBe(401);
    expect((await call(key, "/petitions")).status).toBe(200);
    for (const path of [
      "/people",
      `/petitions/${petition}/signatures`,
      `/petitions/${petition}/signatures/${signature}`,
    ]) {
      const response = await call(key, path);
      expect(response.status, path).toBe(403);
      expect(((await response.json()) as { error: string }).error).toContain("read:people");
    }
    // The entry point opens to a key that reads either.
    expect((await call(await newKey(["read:people"]), "")).status).toBe(200);
  });

  it("answers 404 for malformed and unknown ids, and audits it", async () => {
    const made = await createApiKey(null, { name: "Ids", scopes: ["read:petitions", "read:people"] });
    for (const path of [
      "/petitions/not-a-uuid",
      `/petitions/${petition.toUpperCase().replace(/.$/, "G")}`,
      "/petitions/00000000-0000-0000-0000-000000000000/signatures",
      `/petitions/${petition}/signatures/00000000-0000-0000-0000-000000000000`,
      `/petitions/${petition}/signatures/${petition}`,
      "/people/%27%20or%201%3D1--",
      "/pledges/1/takers",
    ]) {
      expect((await call(made.key, path)).status, path).toBe(404);
    }
    const entries = await getDb()
      .select({ rowCount: auditLog.rowCount, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, made.id), eq(auditLog.action, "apikey.call")));
    expect(entries).toHaveLength(7);
    expect(entries.every((entry) => entry.rowCount === 0)).toBe(true);
  });

  it("answers 429 with Retry-After once a key is over its limit, whatever address it calls from", async () => {
    const key = await newKey();
    for (let i = 0; i < 30; i++) expect((await call(key, "/petitions")).status).toBe(200);
    const over = await call(key, "/petitions");
    expect(over.status).toBe(429);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    // Another key is not held back by this one.
    expect((await call(await newKey(), "/petitions")).status).toBe(200);
  });

  it("never answers a hostile id or parameter with a 5xx", async () => {
    const values = [
      ...REFUSED_CHARACTERS,
      "'; drop table signatures; --",
      "\u{1F600}",
      "%",
      "%00",
      "a".repeat(5000),
      "__proto__",
      "constructor",
      "9".repeat(40),
      "-1",
      "1e308",
      "NaN",
      "[]",
      "{}",
      Buffer.from(JSON.stringify(["2026-01-01T00:00:00.000000Z", petition, -1])).toString("base64url"),
      Buffer.from(JSON.stringify(["9999-99-99T00:00:00.000000Z", petition, 1])).toString("base64url"),
      Buffer.from("not json").toString("base64url"),
    ];
    // A lone surrogate cannot be percent-encoded as UTF-8: it goes as the bytes it would be.
    const encode = (value: string) => {
      try {
        return encodeURIComponent(value);
      } catch {
        return "%ED%A0%80";
      }
    };
    const paths = (value: string) => {
      const v = encode(value);
      return [
        `/petitions/${v}`,
        `/petitions/${v}/signatures`,
        `/petitions/${petition}/signatures/${v}`,
        `/people/${v}/signatures`,
        `/pledges/${v}/takers/${v}`,
        `/petitions/${petition}/signatures?page=${v}`,
        `/people?per_page=${v}`,
        `/people?after=${v}`,
        `/petitions?filter=${v}`,
        `/petitions?filter=${encode(`modified_date gt '${value}'`)}`,
      ];
    };
    let key = await newKey();
    let calls = 0;
    for (const value of values) {
      for (const path of paths(value)) {
        // A fresh key every so often, so that the rate limit (low in this file) is not what answers.
        if (++calls % 25 === 0) key = await newKey();
        const response = await call(key, path);
        expect(response.status, `${path.slice(0, 120)}`).toBeLessThan(500);
        expect([200, 400, 404], path.slice(0, 120)).toContain(response.status);
      }
    }
  });
});

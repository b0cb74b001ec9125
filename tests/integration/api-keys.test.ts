import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import { listApiKeys, revokeApiKey } from "@/db/queries/api-keys";
import { apiKeys, auditLog, users } from "@/db/schema";
import { auditApiCall, authenticateApiKey } from "@/lib/api-keys/authenticate";
import { createApiKey } from "@/lib/api-keys/manage";
import { NotAllowedError, type StaffCaller } from "@/lib/domain/roles";
import { databaseError } from "../helpers/test-database";

// The audit log outlives every run on a shared Postgres: this run's keys and members are its own.
const run = randomUUID().slice(0, 8);
const admin: StaffCaller = { id: `keys-admin-${run}`, email: `keys.admin.${run}@example.org`, role: "admin" };
const editor: StaffCaller = {
  id: `keys-editor-${run}`,
  email: `keys.editor.${run}@example.org`,
  role: "editor",
};
const viewer: StaffCaller = {
  id: `keys-viewer-${run}`,
  email: `keys.viewer.${run}@example.org`,
  role: "viewer",
};

const URL_BASE = "http://localhost/api/osdi/v1/petitions";
const call = (key?: string, url = URL_BASE) =>
  new Request(url, { headers: key === undefined ? {} : { "OSDI-API-Token": key } });

async function answer(result: Awaited<ReturnType<typeof authenticateApiKey>>) {
  if (result.ok) throw new Error("expected a refusal");
  return { status: result.response.status, body: (await result.response.json()) as { error: string } };
}

const auditOf = (subjectId: string) =>
  getDb().select().from(auditLog).where(eq(auditLog.subjectId, subjectId)).orderBy(auditLog.id);

describe("API keys", () => {
  beforeAll(async () => {
    await getDb()
      .insert(users)
      .values([admin, editor, viewer].map(({ id, email, role }) => ({ id, email, role })));
  });
  afterAll(closeDb);

  it("are shown once and stored only as a hash, with an audited creation", async () => {
    const made = await createApiKey(admin, {
      name: `  CRM sync ${run} `,
      scopes: ["read:people", "read:petitions"],
    });
    expect(made.key).toMatch(/^upk_[\w-]{43}$/);
    expect(made.prefix).toBe(made.key.slice(0, 12));

    const [row] = await getDb().select().from(apiKeys).where(eq(apiKeys.id, made.id));
    expect(row).toMatchObject({
      name: `CRM sync ${run}`,
      prefix: made.prefix,
      scopes: ["read:petitions", "read:people"],
      createdBy: admin.email,
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(row!.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(made.key.slice(12));

    const listed = (await listApiKeys(admin)).find((key) => key.id === made.id);
    expect(listed).toBeDefined();
    expect(JSON.stringify(listed)).not.toContain(made.key.slice(12));
    expect(listed).not.toHaveProperty("secretHash");

    const [created] = await auditOf(made.id);
    expect(created).toMatchObject({
      action: "apikey.create",
      actorEmail: admin.email,
      details: { name: `CRM sync ${run}`, prefix: made.prefix, scopes: ["read:petitions", "read:people"] },
    });
    expect(JSON.stringify(created)).not.toContain(made.key.slice(12));
  });

  it("let the database refuse a raw key or an unknown scope", async () => {
    const base = { name: "x", prefix: `upk_${run}`, createdBy: "test" };
    expect(
      await databaseError(
        getDb()
          .insert(apiKeys)
          .values({ ...base, secretHash: `upk_${"a".repeat(43)}`, scopes: ["webhooks"] }),
      ),
    ).toContain("api_keys_secret_hash_sha256");
    expect(
      await databaseError(
        getDb()
          .insert(apiKeys)
          .values({ ...base, secretHash: "a".repeat(64), scopes: ["write:everything" as "webhooks"] }),
      ),
    ).toContain("api_keys_scopes_known");
    expect(
      await databaseError(
        getDb()
          .insert(apiKeys)
          .values({ ...base, secretHash: "a".repeat(64), scopes: [] }),
      ),
    ).toContain("api_keys_scopes_known");
  });

  it("authenticate from the OSDI-API-Token header, note the last use, and refuse a missing scope with 403", async () => {
    const made = await createApiKey(admin, { name: `Reader ${run}`, scopes: ["read:petitions"] });
    const allowed = await authenticateApiKey(call(made.key), "read:petitions");
    expect(allowed).toEqual({
      ok: true,
      key: {
        id: made.id,
        name: `Reader ${run}`,
        prefix: made.prefix,
        scopes: ["read:petitions"],
        consentNotice: null,
      },
    });
    const [row] = await getDb()
      .select({ lastUsedAt: apiKeys.lastUsedAt })
      .from(apiKeys)
      .where(eq(apiKeys.id, made.id));
    expect(row!.lastUsedAt).toBeInstanceOf(Date);

    const refused = await answer(await authenticateApiKey(call(made.key), "read:people"));
    expect(refused.status).toBe(403);
    expect(refused.body.error).toContain("needs the read:people scope");
  });

  it("answer 401 for a missing, unknown or altered key, and 400 for a key in the address", async () => {
    const made = await createApiKey(admin, { name: `Probe ${run}`, scopes: ["webhooks"] });
    const missing = await answer(await authenticateApiKey(call(), "webhooks"));
    expect(missing.status).toBe(401);
    expect(missing.body.error).toContain("OSDI-API-Token header");

    const altered = `${made.key.slice(0, -1)}${made.key.endsWith("A") ? "B" : "A"}`;
    for (const key of [altered, `upk_${"x".repeat(43)}`, "not-a-key", made.prefix]) {
      const unknown = await answer(await authenticateApiKey(call(key), "webhooks"));
      expect(unknown).toEqual({ status: 401, body: { error: expect.stringContaining("not valid") } });
    }

    for (const url of [
      `${URL_BASE}?OSDI-API-Token=${made.key}`,
      `${URL_BASE}?api_key=x`,
      `${URL_BASE}?page=${made.key}`,
    ]) {
      // Even beside a good header: the key is already in someone's logs.
      const inAddress = await answer(await authenticateApiKey(call(made.key, url), "webhooks"));
      expect(inAddress.status).toBe(400);
      expect(inAddress.body.error).toContain("never in the address");
    }
    expect((await authenticateApiKey(call(made.key, `${URL_BASE}?page=2&per_page=25`), "webhooks")).ok).toBe(
      true,
    );
  });

  it("stop working on the very next request once revoked, by id or by prefix, audited", async () => {
    const [first, second] = await Promise.all([
      createApiKey(admin, { name: `Sync A ${run}`, scopes: ["read:people"] }),
      createApiKey(null, { name: `Sync B ${run}`, scopes: ["read:people"] }),
    ]);
    expect((await authenticateApiKey(call(first.key), "read:people")).ok).toBe(true);
    expect(await revokeApiKey(admin, first.id)).toMatchObject({ id: first.id, prefix: first.prefix });
    const afterRevoke = await answer(await authenticateApiKey(call(first.key), "read:people"));
    expect(afterRevoke.status).toBe(401);
    expect(await revokeApiKey(admin, first.id)).toBeNull();

    expect((await authenticateApiKey(call(second.key), "read:people")).ok).toBe(true);
    expect(await revokeApiKey(null, second.prefix)).toMatchObject({ id: second.id });
    expect((await answer(await authenticateApiKey(call(second.key), "read:people"))).status).toBe(401);

    const [row] = await getDb().select().from(apiKeys).where(eq(apiKeys.id, first.id));
    expect(row).toMatchObject({ revokedById: admin.id, revokedBy: admin.email });
    expect(row!.revokedAt).toBeInstanceOf(Date);
    expect((await auditOf(first.id)).map((entry) => entry.action)).toEqual([
      "apikey.create",
      "apikey.revoke",
    ]);
    expect((await auditOf(second.id)).map((entry) => [entry.action, entry.actorEmail])).toEqual([
      ["apikey.create", "command line"],
      ["apikey.revoke", "command line"],
    ]);
  });

  it("log each keyed call with the key, route, filters and rows returned", async () => {
    const made = await createApiKey(admin, { name: `Logged ${run}`, scopes: ["read:petitions"] });
    const request = call(made.key, `${URL_BASE}?page=3`);
    const allowed = await authenticateApiKey(request, "read:petitions");
    if (!allowed.ok) throw new Error("expected the key to pass");
    await auditApiCall(allowed.key, request, {
      route: "/api/osdi/v1/petitions",
      filters: { page: 3, per_page: 25 },
      rowCount: 7,
    });
    const [entry] = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, made.id), eq(auditLog.action, "apikey.call")));
    expect(entry).toMatchObject({
      actorId: null,
      actorEmail: `API key ${made.prefix} (Logged ${run})`,
      subjectType: "api-key",
      rowCount: 7,
      details: {
        key: made.prefix,
        method: "GET",
        route: "/api/osdi/v1/petitions",
        filters: { page: 3, per_page: 25 },
      },
    });
  });

  it("are made, listed and revoked by admins only, refused before any data is touched", async () => {
    const made = await createApiKey(admin, { name: `Guarded ${run}`, scopes: ["webhooks"] });
    for (const caller of [editor, viewer]) {
      await expect(createApiKey(caller, { name: "nope", scopes: ["webhooks"] })).rejects.toThrow(
        NotAllowedError,
      );
      await expect(listApiKeys(caller)).rejects.toThrow(NotAllowedError);
      await expect(revokeApiKey(caller, made.id)).rejects.toThrow(NotAllowedError);
    }
    expect((await authenticateApiKey(call(made.key), "webhooks")).ok).toBe(true);
    const names = (await listApiKeys(admin)).map((key) => key.name);
    expect(names).not.toContain("nope");
  });
});

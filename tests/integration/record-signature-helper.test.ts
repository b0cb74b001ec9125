import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import { apiKeys, auditLog, outboxMessages, signatures } from "@/db/schema";
import { POST } from "@/app/api/osdi/v1/petitions/[id]/signatures/record_signature_helper/route";
import { createApiKey } from "@/lib/api-keys/manage";
import { apiKeySchema } from "@/lib/validation/api-keys";
import { serveWebHandler } from "../../scripts/web-handler";
import { hostileCorpus } from "../helpers/hostile-corpus";
import { freshDemoPetition } from "../helpers/signing";
import { databaseError } from "../helpers/test-database";

const NOTICE = "https://partner.example.org/privacy";
const run = randomUUID().slice(0, 8);

/** An OSDI record-signature-helper body as a partner's system sends it: no acceptsPrivacy. */
const osdiBody = (email: string, extra: Record<string, unknown> = {}) => ({
  person: {
    given_name: "Grace",
    family_name: "Hopper",
    email_addresses: [{ address: email, status: "subscribed" }],
    postal_addresses: [{ country: "us", postal_code: "10001" }],
    preferred_language: "es",
  },
  comments: "From the partner's form",
  referrer_data: { source: "partner-site" },
  ...extra,
});

describe("POST /api/osdi/v1/petitions/{id}/signatures/record_signature_helper", () => {
  let server: http.Server;
  let base: string;
  let petition: { id: string; slug: string };
  let attested: { id: string; key: string };
  let plain: { id: string; key: string };
  let reader: { id: string; key: string };

  beforeAll(async () => {
    petition = await freshDemoPetition();
    attested = await createApiKey(null, {
      name: `Partner form ${run}`,
      scopes: ["write:signatures"],
      consentNotice: NOTICE,
    });
    plain = await createApiKey(null, { name: `Partner sync ${run}`, scopes: ["write:signatures"] });
    reader = await createApiKey(null, { name: `Reader ${run}`, scopes: ["read:petitions"] });
    // The route handler behind real HTTP, as Upstand's server hands it requests (scripts/web-handler.ts).
    server = http.createServer((incoming, outgoing) => {
      const id = /^\/api\/osdi\/v1\/petitions\/([^/]+)\/signatures\/record_signature_helper$/.exec(
        incoming.url ?? "",
      )?.[1];
      if (!id) return void outgoing.writeHead(404).end();
      void serveWebHandler(incoming, outgoing, (request) =>
        POST(request, { params: Promise.resolve({ id: decodeURIComponent(id) }) }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await closeDb();
  });

  const record = (
    key: string | null,
    body: unknown,
    id = petition.id,
    headers: Record<string, string> = {},
  ) =>
    fetch(`${base}/api/osdi/v1/petitions/${id}/signatures/record_signature_helper`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        ...(key ? { "OSDI-API-Token": key } : {}),
        ...headers,
      },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  const stored = (email: string) =>
    getDb()
      .select({
        state: signatures.state,
        consentApiKeyId: signatures.consentApiKeyId,
        consentNotice: signatures.consentNotice,
        comment: signatures.comment,
        source: signatures.source,
        preferredLanguage: signatures.preferredLanguage,
        wantsUpdates: signatures.wantsUpdates,
        ipAddress: signatures.ipAddress,
      })
      .from(signatures)
      .where(eq(signatures.email, email));

  it("accepts a plain OSDI body from a key that attests its form's consent, and records whose consent it is", async () => {
    const email = `grace.${run}@example.org`;
    const response = await record(attested.key, osdiBody(email), petition.id, { "Accept-Language": "es" });
    expect(response.status).toBe(202);
    expect(response.headers.get("content-language")).toBe("es");
    const body = (await response.json()) as { ok: boolean; message: string; referralCode: string };
    expect(body.ok).toBe(true);
    expect(body.message).toMatch(/bandeja de entrada/i);
    expect(await stored(email)).toEqual([
      {
        state: "pending",
        consentApiKeyId: attested.id,
        consentNotice: NOTICE,
        comment: "From the partner's form",
        source: "partner-site",
        preferredLanguage: "es",
        wantsUpdates: true,
        // The partner's server is not the signer: its address is not stored as theirs.
        ipAddress: null,
      },
    ]);
    // The same double opt-in as Upstand's own form: the signer confirms by email before it counts.
    const mail = await getDb().select().from(outboxMessages).where(eq(outboxMessages.recipient, email));
    expect(mail.map((message) => message.template)).toEqual(["confirm-petition"]);
  });

  it("still refuses a body that says the signer did not agree", async () => {
    const email = `refused.${run}@example.org`;
    const response = await record(attested.key, osdiBody(email, { acceptsPrivacy: false }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { fieldErrors: Record<string, string[]> };
    expect(Object.keys(body.fieldErrors)).toEqual(["acceptsPrivacy"]);
    expect(await stored(email)).toEqual([]);
  });

  it("keeps acceptsPrivacy required for a key without an attestation, and records the key when it is sent", async () => {
    const missing = `missing.${run}@example.org`;
    const refused = await record(plain.key, osdiBody(missing));
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { fieldErrors: Record<string, string[]> };
    // In the signer's language (their preferred_language), as the public API answers.
    expect(body.fieldErrors.acceptsPrivacy?.[0]).toMatch(/aviso de privacidad/i);
    expect(await stored(missing)).toEqual([]);

    const agreed = `agreed.${run}@example.org`;
    const accepted = await record(plain.key, osdiBody(agreed, { acceptsPrivacy: true }));
    expect(accepted.status).toBe(202);
    expect(await stored(agreed)).toMatchObject([{ consentApiKeyId: plain.id, consentNotice: null }]);
  });

  it("answers a key's mistakes as the public API does, and audits every call", async () => {
    expect((await record(null, osdiBody(`nokey.${run}@example.org`))).status).toBe(401);
    expect((await record(reader.key, osdiBody(`reader.${run}@example.org`))).status).toBe(403);
    const unknown = await record(attested.key, osdiBody(`unknown.${run}@example.org`), randomUUID());
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { formError: string }).formError).toMatch(/petition/i);
    expect((await record(attested.key, osdiBody(`bad.${run}@example.org`), "not-a-uuid")).status).toBe(404);
    expect((await record(attested.key, "{not json")).status).toBe(400);

    const calls = await getDb()
      .select({ details: auditLog.details, rowCount: auditLog.rowCount })
      .from(auditLog)
      .where(and(eq(auditLog.action, "apikey.call"), eq(auditLog.subjectId, attested.id)));
    expect(calls.map((call) => [call.details, call.rowCount])).toEqual([
      [
        expect.objectContaining({
          route: "/api/osdi/v1/petitions/{id}/signatures/record_signature_helper",
          method: "POST",
        }),
        1,
      ],
      [expect.objectContaining({ filters: { petition: petition.id, status: 400 } }), 0],
      [expect.objectContaining({ filters: expect.objectContaining({ status: 404 }) }), 0],
      [expect.objectContaining({ filters: { petition: "not-a-uuid", status: 404 } }), 0],
      [expect.objectContaining({ filters: { petition: petition.id, status: 400 } }), 0],
    ]);
  });

  it("stops a revoked key from its next request", async () => {
    const key = await createApiKey(null, { name: `Short-lived ${run}`, scopes: ["write:signatures"] });
    expect(
      (await record(key.key, osdiBody(`live.${run}@example.org`, { acceptsPrivacy: true }))).status,
    ).toBe(202);
    await getDb().update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, key.id));
    expect(
      (await record(key.key, osdiBody(`dead.${run}@example.org`, { acceptsPrivacy: true }))).status,
    ).toBe(401);
    expect(await stored(`dead.${run}@example.org`)).toEqual([]);
  });

  it("takes no attestation on a key that cannot record signatures, nor one without agreement asked", async () => {
    const readOnly = apiKeySchema.safeParse({
      name: "CRM",
      scopes: ["read:people"],
      consentNotice: NOTICE,
      attestsConsent: true,
    });
    expect(readOnly.success).toBe(false);
    const unasked = apiKeySchema.safeParse({
      name: "CRM",
      scopes: ["write:signatures"],
      consentNotice: NOTICE,
    });
    expect(unasked.error?.issues.map((issue) => issue.path.join("."))).toEqual(["attestsConsent"]);
    const notAnAddress = apiKeySchema.safeParse({
      name: "CRM",
      scopes: ["write:signatures"],
      consentNotice: "our privacy page",
      attestsConsent: true,
    });
    expect(notAnAddress.error?.issues.map((issue) => issue.path.join("."))).toEqual(["consentNotice"]);
    expect(
      await databaseError(
        getDb()
          .insert(apiKeys)
          .values({
            name: "Sneaky",
            prefix: `upk_${run}`,
            secretHash: "0".repeat(64),
            scopes: ["read:people"],
            createdBy: "test",
            consentNotice: NOTICE,
            consentAttestedAt: new Date(),
          }),
      ),
    ).toMatch(/api_keys_consent_attestation/);
  });

  it("answers hostile bodies without a 5xx, storing nothing it refused", { timeout: 180_000 }, async () => {
    const corpus = hostileCorpus(
      "helper",
      (email) => ({
        firstName: "Ada",
        lastName: "Lovelace",
        email,
        country: "GB",
        postalCode: "SW1A 1AA",
      }),
      `hostile-${run}.example.org`,
      (email) => osdiBody(email),
    );
    const queue = [...corpus];
    const worker = async () => {
      for (let request = queue.shift(); request; request = queue.shift()) {
        const response = await fetch(
          `${base}/api/osdi/v1/petitions/${petition.id}/signatures/record_signature_helper`,
          {
            method: "POST",
            headers: {
              ...(request.contentType ? { "Content-Type": request.contentType } : {}),
              "OSDI-API-Token": attested.key,
            },
            body: request.body,
          },
        );
        expect(response.status, request.name).toBeLessThan(500);
        if (response.status !== 202) await response.body?.cancel();
        else await response.json();
      }
    };
    // A few at a time, as a partner's sync would send them.
    await Promise.all(Array.from({ length: 4 }, worker));
    expect(corpus.length).toBeGreaterThan(100);
  });
});

import { expect, test } from "@playwright/test";
import { Validator } from "@seriousme/openapi-schema-validator";
import { DEMO_PETITION, DEMO_PLEDGE } from "@/db/demo-campaign";
import { healthSchema, petitionTotalsSchema, pledgeTotalsSchema } from "@/lib/openapi/schemas";

const headers = { "X-Real-IP": "192.0.2.251" };

test("the built app serves its OpenAPI 3.1 document, cacheable, and it validates", async ({ request }) => {
  const response = await request.get("/api/openapi.json", { headers });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^application\/vnd\.oai\.openapi\+json/);
  expect(response.headers()["cache-control"]).toMatch(/^public, /);
  const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
  expect(document.openapi).toBe("3.1.0");
  expect(Object.keys(document.paths)).toContain("/api/petitions/{slug}/signatures");
  expect((await new Validator().validate(document)).valid).toBe(true);
});

test("the live answers have the shapes the document gives them", async ({ request }) => {
  const read = async (path: string) => {
    const response = await request.get(path, { headers });
    expect(response.status()).toBe(200);
    return response.json();
  };
  expect(healthSchema.safeParse(await read("/api/health")).error).toBeUndefined();
  const petition = await read(`/api/petitions/${DEMO_PETITION.slug}/totals`);
  expect(petitionTotalsSchema.strict().safeParse(petition).error).toBeUndefined();
  const pledge = await read(`/api/pledges/${DEMO_PLEDGE.slug}/totals`);
  expect(pledgeTotalsSchema.strict().safeParse(pledge).error).toBeUndefined();
});

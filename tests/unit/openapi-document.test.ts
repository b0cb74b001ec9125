import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi/document";
import { pledgeRequestSchema, signatureRequestSchema } from "@/lib/validation/support-api";
import { jsonSchema } from "@/lib/openapi/operation";

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(openApiDocument()));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("is refused by the validator when it is not", async () => {
    const broken = structuredClone(openApiDocument()) as { paths: Record<string, Record<string, object>> };
    broken.paths["/api/health"]!.get = { responses: { 200: { content: {} } } };
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it("describes the request bodies with the schemas that validate them", () => {
    const paths = openApiDocument().paths as Record<string, Record<string, { requestBody?: unknown }>>;
    const body = (route: string) =>
      (paths[route]!.post!.requestBody as { content: Record<string, { schema: unknown }> }).content[
        "application/json"
      ]!.schema as { anyOf?: unknown[] };
    expect(body("/api/petitions/{slug}/signatures").anyOf?.[0]).toEqual(
      jsonSchema(signatureRequestSchema, "input"),
    );
    expect(body("/api/pledges/{slug}/takers")).toEqual(jsonSchema(pledgeRequestSchema, "input"));
  });

  it("defines the API key's scheme for the keyed endpoints", () => {
    expect(openApiDocument().components.securitySchemes["OSDI-API-Token"]).toMatchObject({
      type: "apiKey",
      in: "header",
      name: "OSDI-API-Token",
    });
  });
});

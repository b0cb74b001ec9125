import { z } from "zod";

// Turns an operation described with zod schemas into an OpenAPI 3.1 Operation Object. OpenAPI
// 3.1's Schema Object is JSON Schema 2020-12, which z.toJSONSchema writes, so a schema that
// validates a request is also what the document says of it. Refinements (the text rule, the
// postal-code formats) cannot be written as JSON Schema and are left to the words of docs/API.md.

type Schema = z.core.$ZodType;
type ObjectSchema = z.core.$ZodObject;

export interface ResponseSpec {
  description: string;
  /** Media type → schema of the body; none for a body-less answer (a 303). */
  content?: Record<string, Schema>;
  headers?: Record<string, string>;
}

export interface OperationSpec {
  summary: string;
  description?: string;
  tags: string[];
  path?: ObjectSchema;
  query?: ObjectSchema;
  /** Media type → schema of the request body. */
  body?: Record<string, Schema>;
  /** False when a body may be left out (RFC 8058 one-click needs none). */
  isBodyRequired?: boolean;
  responses: Record<number, ResponseSpec>;
  /** Names a scheme of `securitySchemes` (lib/openapi/document.ts) for a keyed endpoint. */
  security?: "OSDI-API-Token";
}

export type JsonSchema = Record<string, unknown>;

/** A schema as JSON Schema for a request (io "input") or an answer ("output"), without `$schema`. */
export function jsonSchema(schema: Schema, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" });
  return rest;
}

function parameters(schema: ObjectSchema | undefined, where: "path" | "query") {
  if (!schema) return [];
  const object = jsonSchema(schema, "input") as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === "path" || (object.required ?? []).includes(name),
      ...(description === undefined ? {} : { description }),
      schema: rest,
    };
  });
}

const content = (media: Record<string, Schema>, io: "input" | "output") =>
  Object.fromEntries(
    Object.entries(media).map(([type, schema]) => [type, { schema: jsonSchema(schema, io) }]),
  );

export function operation(spec: OperationSpec) {
  const params = [...parameters(spec.path, "path"), ...parameters(spec.query, "query")];
  return {
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    tags: spec.tags,
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(spec.body
      ? { requestBody: { required: spec.isBodyRequired ?? true, content: content(spec.body, "input") } }
      : {}),
    responses: Object.fromEntries(
      Object.entries(spec.responses).map(([status, response]) => [
        status,
        {
          description: response.description,
          ...(response.headers
            ? {
                headers: Object.fromEntries(
                  Object.entries(response.headers).map(([name, description]) => [
                    name,
                    { description, schema: { type: "string" } },
                  ]),
                ),
              }
            : {}),
          ...(response.content ? { content: content(response.content, "output") } : {}),
        },
      ]),
    ),
    ...(spec.security ? { security: [{ [spec.security]: [] }] } : {}),
  };
}

export type Operation = ReturnType<typeof operation>;

/** The paths one family of routes adds: OpenAPI path (`/api/x/{id}`) → lower-case method → operation. */
export type PathFamily = Record<
  string,
  Partial<Record<"get" | "post" | "put" | "patch" | "delete" | "options", Operation>>
>;

import type { OpenApiDocument } from "./document";
import type { JsonSchema } from "./operation";

// The OpenAPI document as a Markdown reference (docs/API-REFERENCE.md, written by
// `npm run docs:api`): each operation's parameters, bodies and answers, as tables of fields.

interface Parameter {
  name: string;
  in: string;
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

interface Operation {
  summary: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
  security?: Record<string, string[]>[];
}

interface Document {
  info: { title: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** A one-line account of a schema's type and limits. */
function typeOf(schema: JsonSchema): string {
  if (Array.isArray(schema.enum)) {
    const values = schema.enum as unknown[];
    return values.length > 8
      ? `one of ${values.length} codes`
      : values.map((v) => JSON.stringify(v)).join(", ");
  }
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as JsonSchema[]).map(typeOf).join(" or ");
  const limits = [
    schema.minLength !== undefined && `min ${String(schema.minLength)}`,
    schema.maxLength !== undefined && `max ${String(schema.maxLength)}`,
    schema.minItems !== undefined && `at least ${String(schema.minItems)}`,
    schema.maxItems !== undefined && `at most ${String(schema.maxItems)}`,
    typeof schema.pattern === "string" && `\`${schema.pattern}\``,
    typeof schema.format === "string" && schema.format,
  ].filter(Boolean);
  const base =
    schema.type === "array" && schema.items
      ? `array of ${typeOf(schema.items as JsonSchema)}`
      : String(schema.type ?? "any");
  return limits.length > 0 ? `${base} (${limits.join(", ")})` : base;
}

/** Rows of `field | type | required`, nested objects' fields named with dots. */
function fieldRows(schema: JsonSchema, prefix = ""): string[] {
  const target =
    schema.type === "array" && (schema.items as JsonSchema | undefined)?.type === "object"
      ? (schema.items as JsonSchema)
      : schema;
  const properties = (target.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((target.required ?? []) as string[]);
  return Object.entries(properties).flatMap(([name, property]) => {
    const field = `${prefix}${name}`;
    const nested =
      property.type === "object" || (property.items as JsonSchema | undefined)?.type === "object"
        ? fieldRows(property, `${field}${property.type === "array" ? "[]" : ""}.`)
        : [];
    const description = typeof property.description === "string" ? ` ${property.description}` : "";
    const row = `| \`${field}\` | ${cell(typeOf(property))} | ${required.has(name) ? "yes" : "no"} |${cell(description)} |`;
    return [row, ...nested];
  });
}

function schemaSection(schema: JsonSchema): string[] {
  const alternatives = Array.isArray(schema.anyOf) ? (schema.anyOf as JsonSchema[]) : [schema];
  return alternatives.flatMap((alternative, i) => {
    const title = alternatives.length > 1 ? [`Shape ${i + 1} of ${alternatives.length}:`, ""] : [];
    const rows = fieldRows(alternative);
    if (rows.length === 0) return [...title, `\`${typeOf(alternative)}\``, ""];
    return [...title, "| field | type | required | notes |", "| --- | --- | --- | --- |", ...rows, ""];
  });
}

function operationSection(method: string, path: string, operation: Operation): string[] {
  const lines = [`## ${operation.summary}`, "", `\`${method.toUpperCase()} ${path}\``, ""];
  if (operation.security)
    lines.push(`Needs an API key: ${operation.security.flatMap(Object.keys).join(", ")}.`, "");
  if (operation.description) lines.push(operation.description, "");
  if (operation.parameters?.length) {
    lines.push("| parameter | in | type | required | notes |", "| --- | --- | --- | --- | --- |");
    for (const p of operation.parameters)
      lines.push(
        `| \`${p.name}\` | ${p.in} | ${cell(typeOf(p.schema))} | ${p.required ? "yes" : "no"} | ${cell(p.description ?? "")} |`,
      );
    lines.push("");
  }
  // Media types that take the same schema share one table.
  const bodies = new Map<string, { types: string[]; schema: JsonSchema }>();
  for (const [type, { schema }] of Object.entries(operation.requestBody?.content ?? {})) {
    const key = JSON.stringify(schema);
    const body = bodies.get(key) ?? { types: [], schema };
    body.types.push(`\`${type}\``);
    bodies.set(key, body);
  }
  for (const { types, schema } of bodies.values()) {
    const optional = operation.requestBody?.required ? "" : " (optional)";
    lines.push(`Body, ${types.join(" or ")}${optional}:`, "", ...schemaSection(schema));
  }
  lines.push("| status | meaning | body |", "| --- | --- | --- |");
  for (const [status, response] of Object.entries(operation.responses)) {
    const types = Object.keys(response.content ?? {}).map((type) => `\`${type}\``);
    lines.push(`| ${status} | ${cell(response.description)} | ${types.join(", ")} |`);
  }
  lines.push("");
  for (const [status, response] of Object.entries(operation.responses)) {
    const answer = response.content?.["application/json"]?.schema;
    if (Number(status) < 300 && answer?.type === "object")
      lines.push(`Answer ${status}, \`application/json\`:`, "", ...schemaSection(answer));
  }
  return lines;
}

export function openApiReference(built: OpenApiDocument): string {
  // Read as plain JSON: the builder's types are narrower than what this walks.
  const document = JSON.parse(JSON.stringify(built)) as Document;
  const lines = [
    `# ${document.info.title} reference`,
    "",
    "<!-- Written by `npm run docs:api` from the OpenAPI document (/api/openapi.json); do not edit. -->",
    "",
    document.info.description ?? "",
    "",
  ];
  for (const [path, operations] of Object.entries(document.paths))
    for (const [method, operation] of Object.entries(operations))
      lines.push(...operationSection(method, path, operation));
  return lines.join("\n");
}

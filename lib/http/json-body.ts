export const MAX_BODY_BYTES = 16 * 1024;

// The JSON media types the API reads: plain JSON, and HAL, which OSDI clients send. Matched
// exactly (parameters such as charset aside), so that application/json-patch+json and the like
// are refused rather than read as something they are not.
const JSON_MEDIA_TYPES = new Set(["application/json", "application/hal+json"]);

export type JsonBody =
  { ok: true; value: Record<string, unknown> } | { ok: false; status: 400 | 413 | 415; message: string };

/** Is this Content-Type one the API reads as JSON, whatever its parameters? */
export function isJsonContentType(header: string | null): boolean {
  return JSON_MEDIA_TYPES.has((header ?? "").split(";")[0]!.trim().toLowerCase());
}

/**
 * Reads a JSON object from a request, refusing a wrong content type (415), more than 16 KB
 * (413, without reading past the limit) and anything that is not one UTF-8 JSON object (400).
 */
export async function readJsonBody(request: Request): Promise<JsonBody> {
  if (!isJsonContentType(request.headers.get("content-type"))) {
    return { ok: false, status: 415, message: "Send the body as JSON, with Content-Type: application/json." };
  }
  let bytes: Uint8Array | null;
  try {
    bytes = await readLimitedBody(request, MAX_BODY_BYTES);
  } catch {
    // The client went away, or the server's request timeout (scripts/serve.ts) cut it off.
    return { ok: false, status: 400, message: "The body was cut short." };
  }
  if (!bytes) return tooLarge();
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, status: 400, message: "The body is not valid JSON in UTF-8." };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, status: 400, message: "The body must be one JSON object." };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

function tooLarge(): JsonBody {
  return { ok: false, status: 413, message: `The body is larger than ${MAX_BODY_BYTES / 1024} KB.` };
}

/**
 * The request's body, or null when it is larger than `maxBytes` (reading stops at the limit).
 * Throws when the body stops short (the client left or timed out).
 */
export async function readLimitedBody(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) return null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      size += part.value.byteLength;
      if (size > maxBytes) {
        // Not cancel(): on Node's server that destroys the connection before the 413 is sent.
        // The server closes the connection after answering instead (scripts/web-handler.ts).
        reader.releaseLock();
        return null;
      }
      chunks.push(part.value);
    }
  }
  return Buffer.concat(chunks);
}

export const MAX_BODY_BYTES = 16 * 1024;

export type JsonBody =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; status: 400 | 413 | 415; message: string };

/**
 * Reads a JSON object from a request, refusing a wrong content type (415), more than 16 KB
 * (413, without reading past the limit) and anything that is not one JSON object (400).
 */
export async function readJsonBody(request: Request): Promise<JsonBody> {
  if (!/^application\/(.+\+)?json\b/i.test(request.headers.get("content-type") ?? "")) {
    return { ok: false, status: 415, message: "Send the body as JSON, with Content-Type: application/json." };
  }
  const bytes = await readLimitedBody(request, MAX_BODY_BYTES);
  if (!bytes) return tooLarge();
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, status: 400, message: "The body is not valid JSON." };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, status: 400, message: "The body must be one JSON object." };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

function tooLarge(): JsonBody {
  return { ok: false, status: 413, message: `The body is larger than ${MAX_BODY_BYTES / 1024} KB.` };
}

/** The request's body, or null when it is larger than `maxBytes` (reading stops at the limit). */
export async function readLimitedBody(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) return null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      size += part.value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return null;
      }
      chunks.push(part.value);
    }
  }
  return Buffer.concat(chunks);
}

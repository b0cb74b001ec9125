import { timingSafeEqual } from "node:crypto";
import { apiKeyActor, getApiKeyByPrefix, updateApiKeyLastUsed } from "@/db/queries/api-keys";
import { insertAuditEntryBy } from "@/db/queries/audit";
import {
  API_KEY_HEADER,
  API_KEY_PREFIX,
  API_KEY_PUBLIC_LENGTH,
  API_KEY_SCOPE_WORDS,
  type ApiKeyScope,
} from "@/lib/domain/api-keys";
import { apiKeyFloodWait } from "@/lib/http/flood-limits";
import { hashToken } from "@/lib/signing/tokens";

/** The key a request was made with, once it is known to be live and allowed. */
export interface ApiKeyCaller {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  /** The partner's privacy notice this key attests its form shows (write keys only), else null. */
  consentNotice: string | null;
}

export type ApiKeyAuthentication = { ok: true; key: ApiKeyCaller } | { ok: false; response: Response };

// Names a key might be sent under in an address; any value that looks like a key is refused too.
const KEY_PARAMETER = /^(osdi[-_]?api[-_]?token|api[-_]?token|api[-_]?key|access[-_]?token|token|key)$/i;

const refuse = (status: 400 | 401 | 403, error: string): ApiKeyAuthentication => ({
  ok: false,
  response: Response.json(
    { error },
    {
      status,
      headers: {
        "Cache-Control": "no-store",
        ...(status === 401 ? { "WWW-Authenticate": `${API_KEY_HEADER} realm="upstand"` } : {}),
      },
    },
  ),
});

/**
 * Checks the key in the `OSDI-API-Token` header, and only there, against the database on every
 * request (no cache), so a revoked key is refused from the next request on, on every instance.
 * 400 when a key is in the address (addresses end up in logs), 401 when the key is missing,
 * unknown or revoked, 403 when it lacks `scope`, 429 when the key is over its flood limit
 * (FLOOD_LIMIT_API_KEY, per key and instance). A key that passes has its last use noted.
 */
export async function authenticateApiKey(
  request: Request,
  scope: ApiKeyScope,
): Promise<ApiKeyAuthentication> {
  const query = new URL(request.url).searchParams;
  for (const [name, value] of query) {
    if (KEY_PARAMETER.test(name) || value.startsWith(API_KEY_PREFIX))
      return refuse(
        400,
        `Send the API key in the ${API_KEY_HEADER} header, never in the address: addresses are kept in logs. If a real key was sent this way, revoke it and make a new one.`,
      );
  }
  const presented = request.headers.get(API_KEY_HEADER)?.trim();
  if (!presented) return refuse(401, `This needs an API key, sent in the ${API_KEY_HEADER} header.`);
  const stored =
    presented.startsWith(API_KEY_PREFIX) && presented.length > API_KEY_PUBLIC_LENGTH
      ? await getApiKeyByPrefix(presented.slice(0, API_KEY_PUBLIC_LENGTH))
      : null;
  if (!stored || !sameHash(hashToken(presented), stored.secretHash) || stored.isRevoked)
    return refuse(401, "This API key is not valid: it is unknown or has been revoked.");
  if (!stored.scopes.includes(scope))
    return refuse(
      403,
      `This API key is not allowed to do this: it needs the ${scope} scope (${API_KEY_SCOPE_WORDS[scope].toLowerCase()}).`,
    );
  const wait = apiKeyFloodWait(stored.id);
  if (wait > 0) {
    return {
      ok: false,
      response: Response.json(
        {
          error: `Too many requests with this API key (FLOOD_LIMIT_API_KEY). Wait ${wait} s and go on where you stopped.`,
        },
        { status: 429, headers: { "Cache-Control": "no-store", "Retry-After": String(wait) } },
      ),
    };
  }
  await updateApiKeyLastUsed(stored.id);
  return {
    ok: true,
    key: {
      id: stored.id,
      name: stored.name,
      prefix: stored.prefix,
      scopes: stored.scopes,
      consentNotice: stored.consentNotice,
    },
  };
}

function sameHash(a: string, b: string): boolean {
  const [left, right] = [Buffer.from(a, "hex"), Buffer.from(b, "hex")];
  return left.length === right.length && timingSafeEqual(left, right);
}

export interface ApiCall {
  /** The route as written, `/api/osdi/v1/petitions/{id}/signatures`, or the path called. */
  route: string;
  /** The filters and paging the call asked for, as the endpoint read them. */
  filters?: Record<string, unknown>;
  /** How many rows the answer carried. */
  rowCount: number;
}

/**
 * Logs a call made with a key: which key, which route, with which filters, how many rows. Every
 * endpoint that takes a key calls this once per answer. The entry's subject is the key, so that
 * the log's subject filter lists everything one key did.
 */
export async function auditApiCall(key: ApiKeyCaller, request: Request, call: ApiCall): Promise<void> {
  await insertAuditEntryBy(apiKeyActor(key), {
    action: "apikey.call",
    subjectType: "api-key",
    subjectId: key.id,
    details: { key: key.prefix, method: request.method, route: call.route, filters: call.filters ?? {} },
    rowCount: call.rowCount,
  });
}

import { auditApiCall, authenticateApiKey, type ApiKeyCaller } from "@/lib/api-keys/authenticate";
import type { ApiKeyScope } from "@/lib/domain/api-keys";
import type { OsdiPageRequest } from "@/lib/domain/osdi";
import { floodRefusal } from "@/lib/http/flood-limits";
import { logError } from "@/lib/log";
import { halJson, osdiError } from "./hal";
import { parsePageRequest } from "./paging";

/** What an endpoint answers: a HAL body and how many records it carries, or a refusal. */
export type OsdiAnswer = { body: object; rowCount: number } | { status: 400 | 404; error: string };

export interface OsdiCall {
  /** The address asked for. */
  url: URL;
  /** Where links in the answer point: the address the request came to. */
  origin: string;
  key: ApiKeyCaller;
}

interface Endpoint {
  /** The route as written, `/api/osdi/v1/petitions/{id}`, for the audit log. */
  route: string;
  /** The scope the key needs; with two, either opens it. */
  scopes: [ApiKeyScope, ...ApiKeyScope[]];
}

async function authenticate(request: Request, scopes: ApiKeyScope[]) {
  let result = await authenticateApiKey(request, scopes[0]!);
  for (const scope of scopes.slice(1)) {
    if (result.ok || result.response.status !== 403) break;
    result = await authenticateApiKey(request, scope);
  }
  return result;
}

const MAX_AUDITED_VALUE = 200;

/**
 * The query as the audit log keeps it: each value cut to 200 characters, with control
 * characters replaced (a NUL cannot be stored in jsonb, and a refused request is audited too).
 */
function auditedQuery(query: URLSearchParams): Record<string, string> {
  const audited: Record<string, string> = {};
  for (const [name, value] of query) {
    const clean = (text: string) =>
      text.replace(/[\u0000-\u001f\u007f]/g, "\uFFFD").slice(0, MAX_AUDITED_VALUE);
    audited[clean(name)] = clean(value);
  }
  return audited;
}

/**
 * The one path of every OSDI read: the caller's address's flood limit (429), the key from its
 * header and its rate limit (400, 401, 403, 429; lib/api-keys/authenticate.ts), the answer, and one audit entry for it with the route, what was asked and how
 * many records went out. A database failure is a calm 503, never a 500.
 */
export async function serveOsdi(
  request: Request,
  endpoint: Endpoint,
  answer: (call: OsdiCall) => Promise<OsdiAnswer>,
): Promise<Response> {
  // Per address first, as the public pages are: a flood of made-up keys costs a key lookup each.
  const flood = floodRefusal("pages", request.headers, "json");
  if (flood) return flood;
  const auth = await authenticate(request, endpoint.scopes);
  if (!auth.ok) return auth.response;
  const url = new URL(request.url);
  try {
    const result = await answer({ url, origin: url.origin, key: auth.key });
    const filters = auditedQuery(url.searchParams);
    await auditApiCall(auth.key, request, {
      route: endpoint.route,
      filters: "body" in result ? filters : { ...filters, refused: result.status },
      rowCount: "body" in result ? result.rowCount : 0,
    });
    return "body" in result ? halJson(result.body) : osdiError(result.status, result.error);
  } catch (error) {
    logError("osdi: read", error);
    return Response.json(
      { error: "The service is busy. Please try again in a moment." },
      { status: 503, headers: { "Retry-After": "5", "Cache-Control": "no-store" } },
    );
  }
}

/** A collection endpoint's paging, or the 400 that names what was wrong with it. */
export function pageRequestOf(
  call: OsdiCall,
): { ok: true; request: OsdiPageRequest } | { ok: false; answer: OsdiAnswer } {
  const parsed = parsePageRequest(call.url.searchParams);
  return parsed.ok ? parsed : { ok: false, answer: { status: 400, error: parsed.error } };
}

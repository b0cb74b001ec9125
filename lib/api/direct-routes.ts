import { totalsEventStream } from "@/lib/live/event-stream";
import { crossOriginRefusal, isCrossOriginWrite } from "@/lib/same-origin";
import { handleHealthRequest } from "./health-request";
import { handleLinkRequest } from "./link-request";
import { handleFulfilRequest } from "./fulfil-request";
import { handleSupportRequest } from "./support-request";
import { handleTotalsRequest } from "./totals-request";

type DirectHandler = (request: Request) => Promise<Response>;

/**
 * The public endpoints a viral moment hammers: signing and pledging, the buttons emailed links open, the totals and their streams. Upstand's
 * own server (scripts/serve.ts) answers these itself, with the same handlers as the route
 * handlers in app/api, without Next.js's per-request machinery, which costs more CPU than a
 * signature's whole database work and half a megabyte per open stream (docs/PERFORMANCE.md).
 * The health check is here too, so that a load balancer's polling passes no flood limit. Only
 * endpoints that need no session and render no page belong here.
 */
const ROUTES: { method: string; pattern: RegExp; handle: (request: Request, slug: string) => Promise<Response> }[] = [
  { method: "POST", pattern: /^\/api\/petitions\/([^/]+)\/signatures$/, handle: (request, slug) => handleSupportRequest(request, "petition", slug) },
  { method: "POST", pattern: /^\/api\/pledges\/([^/]+)\/takers$/, handle: (request, slug) => handleSupportRequest(request, "pledge", slug) },
  { method: "POST", pattern: /^\/api\/links\/(fulfil)$/, handle: (request) => handleFulfilRequest(request) },
  { method: "POST", pattern: /^\/api\/links\/(confirm|withdraw)$/, handle: (request, action) => handleLinkRequest(request, action as "confirm" | "withdraw") },
  { method: "GET", pattern: /^\/api\/petitions\/([^/]+)\/totals$/, handle: (request, slug) => handleTotalsRequest(request, "petition", slug) },
  { method: "GET", pattern: /^\/api\/pledges\/([^/]+)\/totals$/, handle: (request, slug) => handleTotalsRequest(request, "pledge", slug) },
  { method: "GET", pattern: /^\/api\/(health)$/, handle: () => handleHealthRequest() },
  { method: "GET", pattern: /^\/api\/petitions\/([^/]+)\/stream$/, handle: (request, slug) => totalsEventStream(request, "petition", slug) },
  { method: "GET", pattern: /^\/api\/pledges\/([^/]+)\/stream$/, handle: (request, slug) => totalsEventStream(request, "pledge", slug) },
];

/** The handler for a request the server answers directly, or null to leave it to Next.js. */
export function findDirectRoute(method: string, pathname: string): DirectHandler | null {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    let slug: string;
    try {
      slug = decodeURIComponent(match[1]!);
    } catch {
      // scripts/serve.ts refuses such paths first (lib/http/malformed-request.ts); this is for
      // any other caller.
      return async () => Response.json({ ok: false, formError: "The address has a bad percent-encoding." }, { status: 400 });
    }
    // The same refusal as proxy.ts gives the app/api twins of these routes.
    return async (request) => (isCrossOriginWrite(request) ? crossOriginRefusal() : route.handle(request, slug));
  }
  return null;
}

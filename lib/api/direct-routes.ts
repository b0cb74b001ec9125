/**
 * The one table of the route handlers under app/api, and of which of them Upstand's own server
 * (scripts/serve.ts) answers itself. Those are the public endpoints a viral moment hammers:
 * signing and pledging, the buttons emailed links open, reports of comments, the totals and their streams, the
 * OSDI read API (a partner's sync of a million records is 40,000 calls), the open counts
 * (breakdown and history, with their CORS preflights), the integrity roots and proofs, and the health check (so that a load
 * balancer's polling passes no flood limit). The server calls the
 * very handlers of Next.js's build, loaded once, without Next.js's per-request machinery, which
 * costs more CPU than a signature's whole database work and half a megabyte per open stream
 * (docs/PERFORMANCE.md); `next start` and Vercel call the same handlers through Next.js.
 * Only endpoints that need no session and render no page belong in `direct`.
 * tests/unit/direct-routes.test.ts fails when this table and app/api disagree.
 */
export const API_ROUTES = {
  direct: [
    { method: "POST", path: "/api/petitions/[slug]/signatures" },
    { method: "POST", path: "/api/pledges/[slug]/takers" },
    { method: "POST", path: "/api/links/fulfil" },
    { method: "POST", path: "/api/links/[action]" },
    { method: "POST", path: "/api/comments/[id]/reports" },
    { method: "GET", path: "/api/petitions/[slug]/totals" },
    { method: "GET", path: "/api/pledges/[slug]/totals" },
    { method: "GET", path: "/api/health" },
    { method: "GET", path: "/api/petitions/[slug]/stream" },
    { method: "GET", path: "/api/pledges/[slug]/stream" },
    { method: "GET", path: "/api/osdi/v1" },
    { method: "GET", path: "/api/osdi/v1/petitions" },
    { method: "GET", path: "/api/osdi/v1/petitions/[id]" },
    { method: "GET", path: "/api/osdi/v1/petitions/[id]/signatures" },
    { method: "GET", path: "/api/osdi/v1/petitions/[id]/signatures/[signatureId]" },
    { method: "GET", path: "/api/osdi/v1/people" },
    { method: "GET", path: "/api/osdi/v1/people/[id]" },
    { method: "GET", path: "/api/osdi/v1/people/[id]/signatures" },
    { method: "GET", path: "/api/osdi/v1/people/[id]/takers" },
    { method: "GET", path: "/api/osdi/v1/pledges" },
    { method: "GET", path: "/api/osdi/v1/pledges/[id]" },
    { method: "GET", path: "/api/osdi/v1/pledges/[id]/takers" },
    { method: "GET", path: "/api/osdi/v1/pledges/[id]/takers/[takerId]" },
    { method: "GET", path: "/api/petitions/[slug]/breakdown" },
    { method: "OPTIONS", path: "/api/petitions/[slug]/breakdown" },
    { method: "GET", path: "/api/pledges/[slug]/breakdown" },
    { method: "OPTIONS", path: "/api/pledges/[slug]/breakdown" },
    { method: "GET", path: "/api/petitions/[slug]/history" },
    { method: "OPTIONS", path: "/api/petitions/[slug]/history" },
    { method: "GET", path: "/api/pledges/[slug]/history" },
    { method: "OPTIONS", path: "/api/pledges/[slug]/history" },
    { method: "GET", path: "/api/petitions/[slug]/integrity/roots" },
    { method: "OPTIONS", path: "/api/petitions/[slug]/integrity/roots" },
    { method: "GET", path: "/api/petitions/[slug]/integrity/proof" },
    { method: "OPTIONS", path: "/api/petitions/[slug]/integrity/proof" },
  ],
  /**
   * Left to Next.js wherever it runs: staff sign-in needs its session machinery, and the OpenAPI
   * document is read by developers, not by a crowd.
   */
  throughNext: [
    { method: "GET", path: "/api/auth/[...nextauth]" },
    { method: "POST", path: "/api/auth/[...nextauth]" },
    { method: "GET", path: "/api/openapi.json" },
    { method: "POST", path: "/api/osdi/v1/petitions/[id]/signatures/record_signature_helper" },
    // Managing webhook endpoints with a key: a few calls a day, nothing to serve in a hurry.
    { method: "GET", path: "/api/webhooks" },
    { method: "POST", path: "/api/webhooks" },
    { method: "DELETE", path: "/api/webhooks/[id]" },
  ],
} as const satisfies Record<
  string,
  readonly { method: "GET" | "POST" | "DELETE" | "OPTIONS"; path: string }[]
>;

export type DirectRoute = (typeof API_ROUTES.direct)[number];

export interface DirectMatch {
  route: DirectRoute;
  /** The path's dynamic segments, decoded as Next.js decodes them; null when one is badly encoded. */
  params: Record<string, string> | null;
}

const SEGMENT = /^\[(\w+)\]$/;

// A path matches a route when its segments do one for one; a fixed segment wins over a dynamic
// one, as in Next.js (/api/links/fulfil is not /api/links/[action]).
const MATCHERS = API_ROUTES.direct
  .map((route) => ({ route, segments: route.path.split("/").slice(1) }))
  .sort((a, b) => dynamicCount(a.segments) - dynamicCount(b.segments));

function dynamicCount(segments: string[]): number {
  return segments.filter((segment) => SEGMENT.test(segment)).length;
}

/** The directly served route a request is for, or null to leave it to Next.js. */
export function findDirectRoute(method: string, pathname: string): DirectMatch | null {
  const parts = pathname.split("/").slice(1);
  for (const { route, segments } of MATCHERS) {
    if (route.method !== method || segments.length !== parts.length) continue;
    const raw: Record<string, string> = {};
    const matches = segments.every((segment, i) => {
      const name = SEGMENT.exec(segment)?.[1];
      if (name === undefined) return segment === parts[i];
      raw[name] = parts[i]!;
      return parts[i] !== "";
    });
    if (!matches) continue;
    try {
      return {
        route,
        params: Object.fromEntries(
          Object.entries(raw).map(([name, value]) => [name, decodeURIComponent(value)]),
        ),
      };
    } catch {
      // scripts/serve.ts refuses such paths first (lib/http/malformed-request.ts).
      return { route, params: null };
    }
  }
  return null;
}

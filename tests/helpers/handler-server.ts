import http from "node:http";
import type { AddressInfo } from "node:net";
import * as commentReports from "@/app/api/comments/[id]/reports/route";
import * as health from "@/app/api/health/route";
import * as fulfilLink from "@/app/api/links/fulfil/route";
import * as supportLink from "@/app/api/links/[action]/route";
import * as osdiEntryPoint from "@/app/api/osdi/v1/route";
import * as osdiPetitions from "@/app/api/osdi/v1/petitions/route";
import * as osdiPetition from "@/app/api/osdi/v1/petitions/[id]/route";
import * as osdiSignatures from "@/app/api/osdi/v1/petitions/[id]/signatures/route";
import * as osdiSignature from "@/app/api/osdi/v1/petitions/[id]/signatures/[signatureId]/route";
import * as osdiPeople from "@/app/api/osdi/v1/people/route";
import * as osdiPerson from "@/app/api/osdi/v1/people/[id]/route";
import * as osdiPersonSignatures from "@/app/api/osdi/v1/people/[id]/signatures/route";
import * as osdiPersonTakers from "@/app/api/osdi/v1/people/[id]/takers/route";
import * as osdiPledges from "@/app/api/osdi/v1/pledges/route";
import * as osdiPledge from "@/app/api/osdi/v1/pledges/[id]/route";
import * as osdiTakers from "@/app/api/osdi/v1/pledges/[id]/takers/route";
import * as osdiTaker from "@/app/api/osdi/v1/pledges/[id]/takers/[takerId]/route";
import * as petitionBreakdown from "@/app/api/petitions/[slug]/breakdown/route";
import * as petitionHistory from "@/app/api/petitions/[slug]/history/route";
import * as pledgeBreakdown from "@/app/api/pledges/[slug]/breakdown/route";
import * as pledgeHistory from "@/app/api/pledges/[slug]/history/route";
import * as integrityProof from "@/app/api/petitions/[slug]/integrity/proof/route";
import * as integrityRoots from "@/app/api/petitions/[slug]/integrity/roots/route";
import * as petitionSignatures from "@/app/api/petitions/[slug]/signatures/route";
import * as petitionStream from "@/app/api/petitions/[slug]/stream/route";
import * as petitionTotals from "@/app/api/petitions/[slug]/totals/route";
import * as pledgeStream from "@/app/api/pledges/[slug]/stream/route";
import * as pledgeTakers from "@/app/api/pledges/[slug]/takers/route";
import * as pledgeTotals from "@/app/api/pledges/[slug]/totals/route";
import { findDirectRoute, type DirectRoute } from "@/lib/api/direct-routes";
import { crossOriginRefusal, isCrossOriginWrite } from "@/lib/http/same-origin";
import { serveWebHandler } from "../../scripts/web-handler";

// Each handler names its own params; the table below hands each the params its path matched.
type RouteHandler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

// The route handlers Upstand's server answers directly (lib/api/direct-routes.ts), from the
// sources rather than a build, so that an integration test can put load on them over real HTTP.
const HANDLERS: { [R in DirectRoute as `${R["method"]} ${R["path"]}`]: RouteHandler } = {
  "POST /api/petitions/[slug]/signatures": petitionSignatures.POST,
  "POST /api/pledges/[slug]/takers": pledgeTakers.POST,
  "POST /api/links/fulfil": fulfilLink.POST,
  "POST /api/links/[action]": supportLink.POST,
  "POST /api/comments/[id]/reports": commentReports.POST,
  "GET /api/petitions/[slug]/totals": petitionTotals.GET,
  "GET /api/pledges/[slug]/totals": pledgeTotals.GET,
  "GET /api/health": health.GET,
  "GET /api/petitions/[slug]/stream": petitionStream.GET,
  "GET /api/pledges/[slug]/stream": pledgeStream.GET,
  "GET /api/petitions/[slug]/breakdown": petitionBreakdown.GET,
  "OPTIONS /api/petitions/[slug]/breakdown": petitionBreakdown.OPTIONS,
  "GET /api/pledges/[slug]/breakdown": pledgeBreakdown.GET,
  "OPTIONS /api/pledges/[slug]/breakdown": pledgeBreakdown.OPTIONS,
  "GET /api/petitions/[slug]/history": petitionHistory.GET,
  "OPTIONS /api/petitions/[slug]/history": petitionHistory.OPTIONS,
  "GET /api/pledges/[slug]/history": pledgeHistory.GET,
  "OPTIONS /api/pledges/[slug]/history": pledgeHistory.OPTIONS,
  "GET /api/petitions/[slug]/integrity/roots": integrityRoots.GET,
  "OPTIONS /api/petitions/[slug]/integrity/roots": integrityRoots.OPTIONS,
  "GET /api/petitions/[slug]/integrity/proof": integrityProof.GET,
  "OPTIONS /api/petitions/[slug]/integrity/proof": integrityProof.OPTIONS,
  "GET /api/osdi/v1": osdiEntryPoint.GET,
  "GET /api/osdi/v1/petitions": osdiPetitions.GET,
  "GET /api/osdi/v1/petitions/[id]": osdiPetition.GET,
  "GET /api/osdi/v1/petitions/[id]/signatures": osdiSignatures.GET,
  "GET /api/osdi/v1/petitions/[id]/signatures/[signatureId]": osdiSignature.GET,
  "GET /api/osdi/v1/people": osdiPeople.GET,
  "GET /api/osdi/v1/people/[id]": osdiPerson.GET,
  "GET /api/osdi/v1/people/[id]/signatures": osdiPersonSignatures.GET,
  "GET /api/osdi/v1/people/[id]/takers": osdiPersonTakers.GET,
  "GET /api/osdi/v1/pledges": osdiPledges.GET,
  "GET /api/osdi/v1/pledges/[id]": osdiPledge.GET,
  "GET /api/osdi/v1/pledges/[id]/takers": osdiTakers.GET,
  "GET /api/osdi/v1/pledges/[id]/takers/[takerId]": osdiTaker.GET,
};

export interface HandlerServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * A plain HTTP server on 127.0.0.1 and a free port, in this process, that answers the directly
 * served API routes as scripts/serve.ts does (the same request and response plumbing,
 * scripts/web-handler.ts), without Next.js, a build, or its request timeouts. The test that
 * starts it stops it.
 */
export async function startHandlerServer(): Promise<HandlerServer> {
  const server = http.createServer((incoming, outgoing) => {
    const url = incoming.url ?? "/";
    const query = url.indexOf("?");
    const match = findDirectRoute(incoming.method ?? "GET", query === -1 ? url : url.slice(0, query));
    if (!match) return void outgoing.writeHead(404).end();
    void serveWebHandler(incoming, outgoing, async (request) => {
      if (!match.params)
        return Response.json(
          { ok: false, formError: "The address has a bad percent-encoding." },
          { status: 400 },
        );
      if (isCrossOriginWrite(request)) return crossOriginRefusal();
      const key = `${match.route.method} ${match.route.path}` as keyof typeof HANDLERS;
      return HANDLERS[key](request, {
        params: Promise.resolve(match.params) as Promise<never>,
      });
    });
  });
  // As scripts/serve.ts: with Node's 5 s default, a loaded machine sees fetch reuse a kept-alive
  // connection the server is closing (ECONNRESET).
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    port,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

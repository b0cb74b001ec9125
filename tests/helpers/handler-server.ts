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
const HANDLERS: Record<DirectRoute["path"], RouteHandler> = {
  "/api/petitions/[slug]/signatures": petitionSignatures.POST,
  "/api/pledges/[slug]/takers": pledgeTakers.POST,
  "/api/links/fulfil": fulfilLink.POST,
  "/api/links/[action]": supportLink.POST,
  "/api/comments/[id]/reports": commentReports.POST,
  "/api/petitions/[slug]/totals": petitionTotals.GET,
  "/api/pledges/[slug]/totals": pledgeTotals.GET,
  "/api/health": health.GET,
  "/api/petitions/[slug]/stream": petitionStream.GET,
  "/api/pledges/[slug]/stream": pledgeStream.GET,
  "/api/osdi/v1": osdiEntryPoint.GET,
  "/api/osdi/v1/petitions": osdiPetitions.GET,
  "/api/osdi/v1/petitions/[id]": osdiPetition.GET,
  "/api/osdi/v1/petitions/[id]/signatures": osdiSignatures.GET,
  "/api/osdi/v1/petitions/[id]/signatures/[signatureId]": osdiSignature.GET,
  "/api/osdi/v1/people": osdiPeople.GET,
  "/api/osdi/v1/people/[id]": osdiPerson.GET,
  "/api/osdi/v1/people/[id]/signatures": osdiPersonSignatures.GET,
  "/api/osdi/v1/people/[id]/takers": osdiPersonTakers.GET,
  "/api/osdi/v1/pledges": osdiPledges.GET,
  "/api/osdi/v1/pledges/[id]": osdiPledge.GET,
  "/api/osdi/v1/pledges/[id]/takers": osdiTakers.GET,
  "/api/osdi/v1/pledges/[id]/takers/[takerId]": osdiTaker.GET,
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
      return HANDLERS[match.route.path](request, { params: Promise.resolve(match.params) as Promise<never> });
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

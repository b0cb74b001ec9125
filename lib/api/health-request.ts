import { isDatabaseAnswering } from "@/db/queries/health";
import { listenerState } from "@/lib/live/totals-hub";
import { version } from "@/package.json";

/**
 * GET /api/health, for a load balancer: 200 when this instance can serve, 503 when its database
 * does not answer. Cheap (one trivial query), never cached, and under no flood limit, so a
 * balancer polling every second from one address is never refused.
 */
export async function handleHealthRequest(): Promise<Response> {
  const isUp = await isDatabaseAnswering();
  return Response.json(
    { ok: isUp, database: isUp ? "up" : "down", listener: listenerState(), version },
    { status: isUp ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}

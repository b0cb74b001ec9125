import { floodRefusal } from "@/lib/http/flood-limits";
import { openApiDocument } from "@/lib/openapi/document";

/** The same for a whole build, so a CDN and clients may keep it for an hour. */
export const OPENAPI_CACHE_CONTROL = "public, max-age=300, s-maxage=3600, stale-while-revalidate=86400";

/** GET /api/openapi.json: the API's OpenAPI 3.1 document, limited per address like the totals. */
export function handleOpenApiRequest(request: Request): Response {
  const refusal = floodRefusal("totals", request.headers, "json");
  if (refusal) return refusal;
  return new Response(JSON.stringify(openApiDocument()), {
    headers: {
      "Content-Type": "application/vnd.oai.openapi+json;version=3.1",
      "Cache-Control": OPENAPI_CACHE_CONTROL,
    },
  });
}

import { handleOpenApiRequest } from "@/lib/api/openapi-request";

export const dynamic = "force-dynamic";

/** The API's OpenAPI 3.1 document. See docs/API.md. */
export async function GET(request: Request) {
  return handleOpenApiRequest(request);
}

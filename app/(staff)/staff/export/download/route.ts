import { handleExportRequest } from "@/lib/api/export-request";

export const dynamic = "force-dynamic";

/** The export page's form posts here; proxy.ts refuses a post from another site. */
export async function POST(request: Request) {
  return handleExportRequest(request);
}

// Personal data never leaves on a GET, which another site can start with a link or an image
// (the session cookie goes with a top-level GET). An old bookmark lands on the form instead.
export function GET() {
  return new Response(null, { status: 303, headers: { Location: "/staff/export" } });
}

import { handleFulfilRequest } from "@/lib/api/fulfil-request";

export const dynamic = "force-dynamic";

/** The "I did it" buttons on the page a follow-up email links to. */
export async function POST(request: Request) {
  return handleFulfilRequest(request);
}

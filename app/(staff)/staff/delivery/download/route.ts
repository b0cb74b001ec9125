import { handleDeliveryDownload } from "@/lib/api/delivery-download-request";

export const dynamic = "force-dynamic";

/** The delivery page's download buttons post here; proxy.ts refuses a post from another site. */
export async function POST(request: Request) {
  return handleDeliveryDownload(request);
}

// Personal data never leaves on a GET, which another site can start with a link or an image.
export function GET() {
  return new Response(null, { status: 303, headers: { Location: "/staff/delivery" } });
}

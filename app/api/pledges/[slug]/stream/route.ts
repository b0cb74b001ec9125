import { totalsEventStream } from "@/lib/live/event-stream";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The pledge's totals, with each commitment's, as Server-Sent Events. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return totalsEventStream(request, "pledge", (await params).slug);
}

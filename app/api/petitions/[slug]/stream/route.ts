import { totalsEventStream } from "@/lib/live/event-stream";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The petition's totals as Server-Sent Events, pushed within a second of each change. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return totalsEventStream(request, "petition", (await params).slug);
}

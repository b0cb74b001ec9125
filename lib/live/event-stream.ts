import { acquireStreamSlot, floodRefusal } from "@/lib/flood-limits";
import { openTotalsFeed, subscribeToFeed, type TotalsFeed, type TotalsKind } from "./totals-hub";

const HEARTBEAT_MS = 15_000;

/**
 * A Server-Sent Events response carrying a petition's or pledge's totals: the current ones at
 * once (from this instance's memory while anyone watches), then every change. 404 for an
 * unknown slug; 429 past the address's rate of new streams; 503 with Retry-After past the open
 * streams allowed per address or per instance, or when the database cannot be reached (the
 * browser then polls the totals endpoint and tries the stream again later).
 */
export async function totalsEventStream(request: Request, kind: TotalsKind, slug: string): Promise<Response> {
  const refusal = floodRefusal("streams", request.headers, "json");
  if (refusal) return refusal;
  const release = acquireStreamSlot(request.headers);
  if (release instanceof Response) return release;
  let feed: TotalsFeed | null;
  try {
    feed = await openTotalsFeed(kind, slug);
  } catch {
    release();
    return Response.json({ error: "The service is busy. Please try again in a moment." }, { status: 503, headers: { "Retry-After": "5" } });
  }
  if (!feed) {
    release();
    return Response.json({ error: "Not found." }, { status: 404 });
  }
  const opened = feed;
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      // Tell the browser to retry after two seconds if the connection drops.
      write("retry: 2000\n\n");
      const unsubscribe = subscribeToFeed(opened, (json) => write(`event: totals\ndata: ${json}\n\n`));
      const heartbeat = setInterval(() => write(": keep-alive\n\n"), HEARTBEAT_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
        release();
      };
      const close = () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      if (request.signal.aborted) close();
      else request.signal.addEventListener("abort", close, { once: true });
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
      Connection: "keep-alive",
    },
  });
}

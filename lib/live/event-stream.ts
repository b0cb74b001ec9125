import { getTotalsSubjectId } from "@/db/queries/totals-feed";
import { subscribeToTotals, type TotalsKind } from "./totals-hub";
import { logError } from "@/lib/log";

const HEARTBEAT_MS = 15_000;

/**
 * A Server-Sent Events response carrying a petition's or pledge's totals: the current ones at
 * once, then every change. 404 for an unknown slug, 503 when the database cannot be reached
 * (the browser then polls the totals endpoint and tries the stream again later).
 */
export async function totalsEventStream(request: Request, kind: TotalsKind, slug: string): Promise<Response> {
  try {
    if (!(await getTotalsSubjectId(kind, slug))) return Response.json({ error: "Not found." }, { status: 404 });
  } catch (error) {
    logError("live: open a totals stream", error);
    return Response.json({ error: "The service is busy. Please try again in a moment." }, { status: 503, headers: { "Retry-After": "5" } });
  }
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const write = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      // Tell the browser to retry after two seconds if the connection drops.
      write("retry: 2000\n\n");
      let unsubscribe: (() => void) | null;
      try {
        unsubscribe = await subscribeToTotals(kind, slug, (json) => write(`event: totals\ndata: ${json}\n\n`));
      } catch (error) {
        logError("live: open a totals stream", error);
        controller.close();
        return;
      }
      if (!unsubscribe) {
        controller.close();
        return;
      }
      const heartbeat = setInterval(() => write(": keep-alive\n\n"), HEARTBEAT_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe?.();
        unsubscribe = null;
      };
      request.signal.addEventListener("abort", () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
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

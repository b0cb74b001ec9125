import { acquireStreamSlot, floodRefusal } from "@/lib/http/flood-limits";
import { withDirectBody, type ByteSink } from "@/lib/http/direct-body";
import { openTotalsFeed, subscribeToFeed, type TotalsFeed, type TotalsKind } from "./totals-hub";

/** Tells the browser to retry two seconds after the connection drops. */
const RETRY = new TextEncoder().encode("retry: 2000\n\n");

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
    return Response.json(
      { error: "The service is busy. Please try again in a moment." },
      { status: 503, headers: { "Retry-After": "5" } },
    );
  }
  if (!feed) {
    release();
    return Response.json({ error: "Not found." }, { status: 404 });
  }
  const opened = feed;
  let sink: ByteSink | null = null;
  let unsubscribe = () => {};
  let finished = false;
  // Whichever comes first (the client leaves, a write fails, the body is cancelled) gives the
  // slot back, once, whether or not the stream was ever read.
  const finish = () => {
    if (finished) return;
    finished = true;
    // This also keeps the Request alive for as long as the stream is (the hub holds `finish`
    // through the stream's writer): a Request made with a caller's signal follows that signal only
    // while the Request itself lives (undici holds its own controller by a weak reference), so
    // once collected, a client's leaving never reached the stream, which then held its slot.
    request.signal.removeEventListener("abort", finish);
    unsubscribe();
    release();
    try {
      sink?.end();
    } catch {
      // already closed
    }
  };
  // Subscribes the stream's one reader: Upstand's server writing to the socket (withDirectBody),
  // or whoever reads the body.
  const attach = (to: ByteSink) => {
    if (sink) return;
    sink = to;
    // The client left before its body was read: nothing to send.
    if (finished) return void to.end();
    const write = (bytes: Uint8Array) => {
      try {
        to.write(bytes);
      } catch {
        finish();
      }
    };
    write(RETRY);
    unsubscribe = subscribeToFeed(opened, write);
  };
  if (request.signal.aborted) finish();
  else request.signal.addEventListener("abort", finish, { once: true });
  // Nothing is subscribed until the body is first read (a high-water mark of 0 pulls only then),
  // so a response answered by writing to the socket directly holds no web stream open.
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        attach({ write: (bytes) => controller.enqueue(bytes), end: () => controller.close() });
      },
      cancel() {
        finish();
      },
    },
    { highWaterMark: 0 },
  );
  return withDirectBody(
    new Response(stream, {
      headers: {
        "Content-Type": "text/event-stream; charset=utf-8",
        "Cache-Control": "no-cache, no-transform",
        "X-Accel-Buffering": "no",
        Connection: "keep-alive",
      },
    }),
    attach,
  );
}

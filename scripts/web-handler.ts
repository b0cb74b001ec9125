import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable, pipeline } from "node:stream";
import { directBodyOf } from "@/lib/http/direct-body";
import { logError } from "@/lib/log";
import { securityHeaders } from "@/lib/http/security-headers";

const CRLF = Buffer.from("\r\n");
// Each event's bytes framed as one chunk of a chunked body, once however many sockets it goes to.
const framedChunks = new WeakMap<Uint8Array, Buffer>();

/**
 * Writes `bytes` as one chunk of the response's chunked body: framed once per event and written
 * to the socket in one call, where `outgoing.write` would make three writes and a deferred flush
 * for each socket (docs/PERFORMANCE.md, `npm run bench:live`). Node's own framing is used
 * whenever the response is not plainly chunked on its socket.
 */
function writeChunk(outgoing: ServerResponse, bytes: Uint8Array): void {
  const socket = outgoing.socket;
  if (!outgoing.chunkedEncoding || !socket || socket.destroyed || bytes.byteLength === 0)
    return void outgoing.write(bytes);
  let framed = framedChunks.get(bytes);
  if (!framed) {
    framed = Buffer.concat([Buffer.from(`${bytes.byteLength.toString(16)}\r\n`, "latin1"), bytes, CRLF]);
    framedChunks.set(bytes, framed);
  }
  socket.write(framed);
}

/**
 * Answers a Node.js request with a handler written for the web's Request and Response, as a
 * route handler is: the request's body streams in, the response's body streams out with
 * back-pressure, and a client that goes away aborts the request's signal.
 */
export async function serveWebHandler(
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  handle: (request: Request) => Promise<Response>,
): Promise<void> {
  const aborted = new AbortController();
  outgoing.once("close", () => aborted.abort());
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const hasBody = incoming.method !== "GET" && incoming.method !== "HEAD";
  let response: Response;
  try {
    const request = new Request(`http://${incoming.headers.host ?? "localhost"}${incoming.url ?? "/"}`, {
      method: incoming.method,
      headers,
      body: hasBody ? (Readable.toWeb(incoming) as ReadableStream<Uint8Array>) : undefined,
      duplex: "half",
      signal: aborted.signal,
    } as RequestInit);
    response = await handle(request);
  } catch (error) {
    logError("server: a directly served request", error);
    response = Response.json(
      { error: "Something went wrong on our side. Please try again." },
      { status: 500 },
    );
  }
  for (const [key, value] of securityHeaders()) outgoing.setHeader(key, value);
  // Answered before the whole body arrived (too large, wrong type): what is left of the body
  // would be read as the next request on this connection, so it is closed after the answer.
  if (hasBody && !incoming.complete) outgoing.setHeader("Connection", "close");
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") outgoing.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) outgoing.setHeader("set-cookie", cookies);
  outgoing.writeHead(response.status);
  if (!response.body || incoming.method === "HEAD") {
    outgoing.end();
    return;
  }
  outgoing.flushHeaders();
  const direct = directBodyOf(response);
  if (direct) {
    // A write racing the client's departure fails here; the request's signal ends the stream.
    outgoing.on("error", () => {});
    direct({ write: (bytes) => writeChunk(outgoing, bytes), end: () => void outgoing.end() });
    return;
  }
  pipeline(Readable.fromWeb(response.body as import("node:stream/web").ReadableStream), outgoing, () => {
    // A client that left early ends the pipeline; there is nothing left to tell it.
  });
}

/**
 * Where a response's bytes go when Upstand's own server (scripts/web-handler.ts) answers it: the
 * socket's response, written to directly.
 */
export interface ByteSink {
  write(bytes: Uint8Array): void;
  end(): void;
}

// A registered symbol, not a module-level WeakMap: the route handlers' copy of a module (Next's
// bundle) and the server's copy must agree on it.
const DIRECT_BODY = Symbol.for("upstand.directBody");

/**
 * Marks a streamed response as able to write its bytes straight to the server's socket. Upstand's
 * server then calls `attach` instead of reading `response.body`; elsewhere (`next start`, Vercel)
 * the body is read as usual. For a stream held open by thousands, the web stream between a
 * handler and Node's socket costs a queue, a promise per chunk and a copy of every event per
 * reader (docs/PERFORMANCE.md, `npm run bench:live`).
 */
export function withDirectBody(response: Response, attach: (sink: ByteSink) => void): Response {
  (response as unknown as Record<symbol, unknown>)[DIRECT_BODY] = attach;
  return response;
}

/** The direct writer a response was marked with, if any. */
export function directBodyOf(response: Response): ((sink: ByteSink) => void) | undefined {
  return (response as unknown as Record<symbol, ((sink: ByteSink) => void) | undefined>)[DIRECT_BODY];
}

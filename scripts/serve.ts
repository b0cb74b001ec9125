import fs from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import type { Socket } from "node:net";
import next from "next";
import { findDirectRoute } from "@/lib/api/direct-routes";
import { SOCKET_IP_HEADER, SOCKET_PROOF_HEADER, socketProof } from "@/lib/http/client-ip";
import { env, listenHost } from "@/lib/env";
import { floodWait, nextJsFloodLimit, signInActionIds, tooManyRequests } from "@/lib/http/flood-limits";
import { problemResponse, requestProblem } from "@/lib/http/malformed-request";
import { installLogRedaction } from "@/lib/log";
import { securityHeaders } from "@/lib/http/security-headers";
import { loadDirectHandlers } from "./built-handlers";
import { startupNotice } from "./startup-notice";
import { serveWebHandler } from "./web-handler";

// Upstand's production server: Next.js's own request handler behind a plain HTTP server that
// stamps each request with its socket's address (lib/http/client-ip.ts), the one source of a
// caller's IP that a client cannot forge. The few public endpoints a viral moment hammers are
// answered directly by the same handlers (lib/api/direct-routes.ts). `npm run build` compiles it
// to .next/upstand/server.mjs, which `npm start` runs with plain node (scripts/start.mjs). That
// bundle holds only what stands in front of Next.js (addresses, flood limits, headers); the
// handlers and the database are Next.js's build's, loaded once. What both share (the flood
// limits' buckets, the socket proof) lives on globalThis.
installLogRedaction();
// Before Next.js starts: its start-up checks that it runs behind this server (lib/startup.ts).
const proof = socketProof();
const config = env();
const host = listenHost(config);
// `hostname` is not where this server listens (it does that itself, below) but the origin Next.js
// gives the URLs it works with, and it must be the one Next.js's proxy step assumes, "localhost":
// with another (0.0.0.0, 127.0.0.1), proxy.ts's redirect to the staff sign-in page came out as an
// absolute URL on http://localhost, and a rewrite there would be fetched over HTTP.
const app = next({ dev: false, hostname: "localhost", port: config.PORT });
const handle = app.getRequestHandler();
await app.prepare();
// Next.js runs instrumentation.ts (start-up checks, migrations, seeding) with the first request
// it handles itself; the routes this server answers directly must not come before it, so it runs
// now, before the server listens. Next.js's own call then finds it done (one per process).
await (
  createRequire(import.meta.url)("next/dist/server/lib/router-utils/instrumentation-globals.external.js") as {
    ensureInstrumentationRegistered(projectDir: string, distDir: string): Promise<void>;
  }
).ensureInstrumentationRegistered(process.cwd(), ".next");
const answerDirect = await loadDirectHandlers();
const signInActions = readSignInActions();

// A request's headers and body must arrive within 10 s of its first byte, or it is answered 408
// and its connection closed: a client that sends less than its Content-Length, or trickles
// headers in (slowloris), holds a connection for no longer than that. 10 s carries the 16 KB a
// signature may be on a 2G link. Node checks the timers every `connectionsCheckingInterval`
// (30 s by default, which would make the limit 40 s). Idle kept-alive connections are not
// timed by these; `keepAliveTimeout` below closes them.
const REQUEST_TIMEOUT_MS = 10_000;

const server = http.createServer(
  {
    requestTimeout: REQUEST_TIMEOUT_MS,
    headersTimeout: REQUEST_TIMEOUT_MS,
    connectionsCheckingInterval: 1_000,
  },
  (request, response) => {
    request.headers[SOCKET_IP_HEADER] = request.socket.remoteAddress ?? "";
    request.headers[SOCKET_PROOF_HEADER] = proof;
    const url = request.url ?? "/";
    const problem = requestProblem(url, request.headers.host);
    if (problem) {
      const answer = problemResponse(url, problem);
      for (const [key, value] of securityHeaders()) response.setHeader(key, value);
      response
        .writeHead(answer.status, { "Content-Type": answer.contentType, "Cache-Control": "no-store" })
        .end(answer.body);
      return;
    }
    const query = url.indexOf("?");
    const method = request.method ?? "GET";
    const pathname = query === -1 ? url : url.slice(0, query);
    const direct = findDirectRoute(method, pathname);
    if (direct)
      return void serveWebHandler(request, response, (webRequest) => answerDirect(webRequest, direct));
    // Pages and staff sign-in are limited here, per address, before Next.js does any work.
    const actionId = request.headers["next-action"];
    const limit = nextJsFloodLimit(
      method,
      pathname,
      typeof actionId === "string" ? actionId : undefined,
      signInActions,
    );
    const wait = limit ? floodWait(limit, addressHeaders(request)) : 0;
    if (wait > 0) return void serveWebHandler(request, response, async () => tooManyRequests(wait, "text"));
    void handle(request, response);
  },
);

/** The sign-in server actions of this build, so that calling one by another path counts as signing in. */
function readSignInActions(): Set<string> {
  try {
    const ids = signInActionIds(
      fs.readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8"),
    );
    if (ids.size > 0) return ids;
  } catch {
    // reported below
  }
  console.warn(
    "[server] the build's sign-in actions were not found: staff sign-in is limited by its paths only",
  );
  return new Set();
}

/** Just the headers a client's address is read from (lib/http/client-ip.ts), without copying the rest. */
function addressHeaders(request: http.IncomingMessage): Headers {
  const headers = new Headers();
  for (const name of [SOCKET_IP_HEADER, SOCKET_PROOF_HEADER, config.TRUSTED_PROXY_HEADER]) {
    const value = name ? request.headers[name] : undefined;
    if (name && typeof value === "string") headers.set(name, value);
  }
  return headers;
}

// Longer than the idle timeout of the proxies and clients in front (often 60 s), so that this
// server never closes a kept-alive connection just as a request is sent on it.
server.keepAliveTimeout = 65_000;
// What Node itself refuses (a malformed request line or header, a timeout) gets its status with
// a short reason, as every other refusal does.
server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => {
  const isTimeout = error.code === "ERR_HTTP_REQUEST_TIMEOUT";
  if (socket.writable && socket.bytesWritten === 0) {
    const [status, reason] = isTimeout
      ? ["408 Request Timeout", `The request did not arrive within ${REQUEST_TIMEOUT_MS / 1000} seconds.`]
      : error.code === "HPE_HEADER_OVERFLOW"
        ? ["431 Request Header Fields Too Large", "The request's headers are too large."]
        : ["400 Bad Request", "The request is not valid HTTP."];
    socket.end(
      `HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(reason) + 1}\r\n\r\n${reason}\n`,
    );
  }
  socket.destroySoon();
});
server.listen(config.PORT, host, () => {
  console.log(startupNotice(config, host).join("\n"));
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}

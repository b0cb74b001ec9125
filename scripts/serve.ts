import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import next from "next";
import { findDirectRoute } from "@/lib/api/direct-routes";
import { SOCKET_IP_HEADER } from "@/lib/client-ip";
import { env } from "@/lib/env";
import { floodWait, nextJsFloodLimit, signInActionIds, tooManyRequests } from "@/lib/flood-limits";
import { serveWebHandler } from "./web-handler";

// Upstand's production server: Next.js's own request handler behind a plain HTTP server that
// stamps each request with its socket's address (lib/client-ip.ts), the one source of a
// caller's IP that a client cannot forge. The few public endpoints a viral moment hammers are
// answered directly by the same handlers (lib/api/direct-routes.ts). Run it with
// `tsx --conditions=react-server`, as scripts/start.ts does, so server-only modules load.
const config = env();
const app = next({ dev: false, hostname: config.HOST ?? "localhost", port: config.PORT });
const handle = app.getRequestHandler();
await app.prepare();
const signInActions = readSignInActions();

const server = http.createServer((request, response) => {
  request.headers[SOCKET_IP_HEADER] = request.socket.remoteAddress ?? "";
  const url = request.url ?? "/";
  const query = url.indexOf("?");
  const method = request.method ?? "GET";
  const pathname = query === -1 ? url : url.slice(0, query);
  const direct = findDirectRoute(method, pathname);
  if (direct) return void serveWebHandler(request, response, direct);
  // Pages and staff sign-in are limited here, per address, before Next.js does any work.
  const actionId = request.headers["next-action"];
  const limit = nextJsFloodLimit(method, pathname, typeof actionId === "string" ? actionId : undefined, signInActions);
  const wait = limit ? floodWait(limit, addressHeaders(request)) : 0;
  if (wait > 0) return void serveWebHandler(request, response, async () => tooManyRequests(wait, "text"));
  void handle(request, response);
});

/** The sign-in server actions of this build, so that calling one by another path counts as signing in. */
function readSignInActions(): Set<string> {
  try {
    const ids = signInActionIds(fs.readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8"));
    if (ids.size > 0) return ids;
  } catch {
    // reported below
  }
  console.warn("[server] the build's sign-in actions were not found: staff sign-in is limited by its paths only");
  return new Set();
}

/** Just the headers a client's address is read from (lib/client-ip.ts), without copying the rest. */
function addressHeaders(request: http.IncomingMessage): Headers {
  const headers = new Headers();
  for (const name of [SOCKET_IP_HEADER, config.TRUSTED_PROXY_HEADER]) {
    const value = name ? request.headers[name] : undefined;
    if (name && typeof value === "string") headers.set(name, value);
  }
  return headers;
}

// Longer than the idle timeout of the proxies and clients in front (often 60 s), so that this
// server never closes a kept-alive connection just as a request is sent on it.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(config.PORT, config.HOST, () => {
  console.log(`Upstand is listening on http://${config.HOST ?? "localhost"}:${config.PORT}`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}

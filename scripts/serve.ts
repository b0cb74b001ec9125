import http from "node:http";
import next from "next";
import { findDirectRoute } from "@/lib/api/direct-routes";
import { SOCKET_IP_HEADER } from "@/lib/client-ip";
import { env, listenHost } from "@/lib/env";
import { startupNotice } from "./startup-notice";
import { serveWebHandler } from "./web-handler";

// Upstand's production server: Next.js's own request handler behind a plain HTTP server that
// stamps each request with its socket's address (lib/client-ip.ts), the one source of a
// caller's IP that a client cannot forge. The few public endpoints a viral moment hammers are
// answered directly by the same handlers (lib/api/direct-routes.ts). Run it with
// `tsx --conditions=react-server`, as scripts/start.ts does, so server-only modules load.
const config = env();
const host = listenHost(config);
const app = next({ dev: false, hostname: host ?? "localhost", port: config.PORT });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((request, response) => {
  request.headers[SOCKET_IP_HEADER] = request.socket.remoteAddress ?? "";
  const url = request.url ?? "/";
  const query = url.indexOf("?");
  const direct = findDirectRoute(request.method ?? "GET", query === -1 ? url : url.slice(0, query));
  void (direct ? serveWebHandler(request, response, direct) : handle(request, response));
});
// Longer than the idle timeout of the proxies and clients in front (often 60 s), so that this
// server never closes a kept-alive connection just as a request is sent on it.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
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

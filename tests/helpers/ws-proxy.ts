import net from "node:net";
import { WebSocketServer } from "ws";

export interface WsProxy {
  port: number;
  close(): Promise<void>;
}

/**
 * A WebSocket-to-TCP pipe, as Neon runs in front of its databases: each WebSocket connection
 * becomes one TCP connection to Postgres, and bytes flow through unchanged. It lets
 * @vercel/postgres reach the local test cluster. Listens on 127.0.0.1 only.
 */
export function startWsProxy(targetPort: number, targetHost = "127.0.0.1"): Promise<WsProxy> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  server.on("connection", (socket) => {
    const tcp = net.connect(targetPort, targetHost);
    tcp.on("data", (chunk) => socket.send(chunk));
    tcp.on("close", () => socket.close());
    tcp.on("error", () => socket.terminate());
    socket.on("message", (data) => tcp.write(data as Buffer));
    socket.on("close", () => tcp.end());
    socket.on("error", () => tcp.destroy());
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.once("listening", () => {
      const address = server.address() as net.AddressInfo;
      resolve({
        port: address.port,
        close: () =>
          new Promise((done) => {
            for (const client of server.clients) client.terminate();
            server.close(() => done());
          }),
      });
    });
  });
}

import http from "node:http";

// Shared by the e2e and integration flood-limit tests: a stream opened as a phone would open it.

export interface OpenStream {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The data of the first totals event; null if the stream ended before one came. */
  firstEvent: Promise<string | null>;
  /** The body of a refused stream. */
  body: Promise<string>;
  close(): void;
}

/** Opens a stream on its own connection, as one phone would, and resolves once its headers arrive. */
export function openStream(port: number, pathname: string, ip: string): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      { host: "127.0.0.1", port, path: pathname, headers: { "X-Real-IP": ip }, agent: false },
      (response) => {
        let text = "";
        let settle: (value: string | null) => void = () => {};
        const firstEvent = new Promise<string | null>((done) => (settle = done));
        const body = new Promise<string>((done) => response.on("close", () => done(text)));
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          text += chunk;
          const event = /event: totals\ndata: (.*)\n\n/.exec(text);
          if (event) settle(event[1]!);
        });
        response.on("close", () => settle(null));
        response.on("error", () => settle(null));
        resolve({
          status: response.statusCode!,
          headers: response.headers,
          firstEvent,
          body,
          close: () => request.destroy(),
        });
      },
    );
    request.on("error", reject);
  });
}

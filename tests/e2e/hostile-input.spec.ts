import net from "node:net";
import { expect, test } from "@playwright/test";

// What an attacker sends that only the production server sees: requests a fetch client would
// refuse to send, over raw sockets. The corpus of thousands of hostile bodies runs against the
// handlers in tests/integration/hostile-input.test.ts.

const supporter = (email: string) => ({
  firstName: "Ada",
  lastName: "Lovelace",
  email,
  country: "US",
  postalCode: "20500",
  comment: "I care",
  isPublic: false,
  wantsUpdates: false,
  acceptsPrivacy: true,
});

// Over a raw socket, to send what fetch clients refuse to: the server must answer each one. The
// answer is read until the server closes the connection (each request asks it to, or is refused).
function rawRequest(request: string | Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(process.env.E2E_PORT), "127.0.0.1");
    const chunks: Buffer[] = [];
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ status, text });
    });
    socket.write(request);
  });
}

const get = (target: string, host = "localhost") =>
  `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`;
const post = (target: string, body: string, host = "localhost") =>
  `POST ${target} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;

test("slugs with bad percent-encoding or NUL get 400 with a reason, on direct routes and pages alike", async () => {
  const body = JSON.stringify(supporter("raw@fuzz.example"));
  const cases: [string, string][] = [
    ["POST /api/petitions/%/signatures", post("/api/petitions/%/signatures", body)],
    ["POST /api/petitions/%zz/signatures", post("/api/petitions/%zz/signatures", body)],
    ["POST /api/pledges/%00/takers", post("/api/pledges/%00/takers", body)],
    ["POST /api/comments/%zz/reports", post("/api/comments/%zz/reports", "{}")],
    ["GET /api/petitions/%E0%A4%A/totals", get("/api/petitions/%E0%A4%A/totals")],
    ["GET /api/pledges/%00/stream", get("/api/pledges/%00/stream")],
    ["GET /petition/%zz", get("/petition/%zz")],
    ["GET /petition/%00", get("/petition/%00")],
    ["GET /pledge/%", get("/pledge/%")],
    ["GET /confirm/%ED%A0%80", get("/confirm/%ED%A0%80")],
  ];
  for (const [name, request] of cases) {
    const answer = await rawRequest(request);
    expect(answer.status, name).toBe(400);
    expect(answer.text, name).toMatch(/bad percent-encoding|contains a control character/);
  }
  const nul = await rawRequest(
    Buffer.concat([
      Buffer.from("GET /petition/a"),
      Buffer.from([0]),
      Buffer.from("b HTTP/1.1\r\nHost: localhost\r\n\r\n"),
    ]),
  );
  expect(nul.status).toBe(400);
  expect(nul.text).toContain("The request is not valid HTTP.");
});

test("a Host header that is not a host name gets 400 with a reason, on pages and direct routes", async () => {
  for (const request of [
    get("/", "bad host"),
    get("/petition/e2e-malformed", "a b:3000"),
    post("/api/petitions/e2e-malformed/signatures", "{}", "x y"),
  ]) {
    const answer = await rawRequest(request);
    expect(answer.status).toBe(400);
    expect(answer.text).toContain("The Host header is not a valid host name.");
  }
  expect((await rawRequest(get("/api/petitions/e2e-malformed/totals"))).status).toBe(200);
});

test("a body shorter than its Content-Length, or headers never finished, are answered 408 and the connection closed", async () => {
  const shortBody = `POST /api/petitions/e2e-malformed/signatures HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"firstName":"Ada"`;
  // On a page Next.js answers: Node's own timer stops headers that never end, whatever the route.
  const unfinishedHeaders = "GET /petition/e2e-malformed HTTP/1.1\r\nHost: localhost\r\nX-Slow: 1";
  for (const answer of await Promise.all([rawRequest(shortBody), rawRequest(unfinishedHeaders)])) {
    expect(answer.status).toBe(408);
    expect(answer.text).toContain("The request did not arrive within 10 seconds.");
  }
  // The server is unharmed.
  expect((await rawRequest(get("/api/petitions/e2e-malformed/totals"))).status).toBe(200);
});

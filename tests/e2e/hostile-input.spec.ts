import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { and, eq, gte, like } from "drizzle-orm";
import { openPg } from "@/db/drivers/pg";
import { openPglite } from "@/db/drivers/pglite";
import { outboxMessages, petitions, pledges, pledgeTakers, signatures } from "@/db/schema";
import { pickDriver } from "@/db/drivers/pick-driver";
import { parseEnv } from "@/lib/env";
import { startAppServer } from "../helpers/app-server";
import { hostileCorpus, type HostileRequest } from "../helpers/hostile-corpus";

// What an attacker sends, over real HTTP to the production build: a corpus of hostile bodies to
// both supporter APIs, and requests a fetch client would refuse to send, over raw sockets.

const config = parseEnv(process.env);
const onServer = pickDriver(config) === "pg";
// On a server the tables are shared with other tests, so the corpus goes to a petition and a
// pledge of its own; on the embedded database it runs on a fresh database of its own.
const PETITION = onServer ? "e2e-fuzz" : "protect-children-online";
const PLEDGE = onServer ? "e2e-pledge-fuzz" : "do-my-part";
const DOMAIN = "fuzz.example";
const CONCURRENCY = 24;

test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "API tests need no second screen size");
});

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
const osdiSignature = (email: string) => ({
  person: {
    given_name: "Ada",
    family_name: "Lovelace",
    email_addresses: [{ address: email, status: "subscribed" }],
    postal_addresses: [{ country: "GB", postal_code: "SW1A 1AA" }],
  },
  comments: "I care",
  acceptsPrivacy: true,
});
const pledgeTaker = (email: string) => ({ ...supporter(email), commitments: ["talk-about-sextortion"] });

/** The email address a body carries, as the server would store it, or null. */
function emailOf(body: Uint8Array): string | null {
  try {
    const value = JSON.parse(new TextDecoder().decode(body)) as Record<string, unknown>;
    const person = value?.person as { email_addresses?: { address?: unknown }[] } | undefined;
    const email = value?.email ?? person?.email_addresses?.[0]?.address;
    return typeof email === "string" ? email.trim() : null;
  } catch {
    return null;
  }
}

interface Answer {
  request: HostileRequest;
  status: number;
  body: { ok?: boolean; fieldErrors?: unknown; formError?: unknown } | null;
}

async function sendAll(url: string, requests: HostileRequest[]): Promise<Answer[]> {
  const answers: Answer[] = [];
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < requests.length; i = next++) {
      const request = requests[i]!;
      const headers: Record<string, string> = { "X-Real-IP": `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` };
      if (request.contentType !== null) headers["Content-Type"] = request.contentType;
      const response = await fetch(url, { method: "POST", headers, body: request.body });
      const text = await response.text();
      let body: Answer["body"] = null;
      try {
        body = JSON.parse(text);
      } catch {
        // judged below: every refusal explains itself in JSON
      }
      answers.push({ request, status: response.status, body });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return answers;
}

test("thousands of hostile bodies to both APIs: no 5xx, every one answered, nothing stored for a refusal", async () => {
  test.setTimeout(600_000);
  const dataDir = onServer ? null : fs.mkdtempSync(path.join(os.tmpdir(), "upstand-fuzz-"));
  // Each request comes from its own address, so the signing limits leave every valid one stored.
  const app = await startAppServer({ TRUSTED_PROXY_HEADER: "x-real-ip", ...(dataDir ? { DATA_DIR: dataDir } : {}) });
  const startedAt = new Date();
  // A valid body every 100 requests: proof that what is accepted is stored, so that the absence
  // of rows for the refusals means something.
  const withControls = (api: string, corpus: HostileRequest[], valid: (email: string) => Record<string, unknown>) =>
    corpus.flatMap((request, i) =>
      i % 100 === 0 ? [request, { name: `valid ${api} ${i}`, contentType: "application/json", body: new TextEncoder().encode(JSON.stringify(valid(`valid-${api}-${i}@${DOMAIN}`))) }] : [request],
    );
  const petitionCorpus = withControls("petition", hostileCorpus("petition", supporter, DOMAIN, osdiSignature), supporter);
  const pledgeCorpus = withControls("pledge", hostileCorpus("pledge", pledgeTaker, DOMAIN), pledgeTaker);
  expect(petitionCorpus.length).toBeGreaterThanOrEqual(3_000);
  expect(pledgeCorpus.length).toBeGreaterThanOrEqual(3_000);

  let answers: Answer[];
  try {
    answers = [
      ...(await sendAll(`${app.url}/api/petitions/${PETITION}/signatures`, petitionCorpus)),
      ...(await sendAll(`${app.url}/api/pledges/${PLEDGE}/takers`, pledgeCorpus)),
    ];
  } finally {
    // On the embedded database, the rows can be read only once the server has let go of them.
    if (dataDir) await app.stop();
  }
  expect(answers).toHaveLength(petitionCorpus.length + pledgeCorpus.length);
  const serverErrors = answers.filter((answer) => answer.status >= 500).map((answer) => `${answer.status} ${answer.request.name}`);
  expect(serverErrors).toEqual([]);
  const unexplained = answers
    .filter((answer) => answer.status >= 400 && !(answer.body?.ok === false && (answer.body.fieldErrors || answer.body.formError)))
    .map((answer) => `${answer.status} ${answer.request.name}`);
  expect(unexplained).toEqual([]);
  const controls = answers.filter((answer) => answer.request.name.startsWith("valid "));
  expect(controls.map((answer) => answer.status)).toEqual(controls.map(() => 202));

  const accepted = new Set(answers.filter((answer) => answer.status === 202).map((answer) => emailOf(answer.request.body)));
  const database = dataDir ? openPglite(path.join(dataDir, "pglite")) : openPg(config.DATABASE_URL!, 2);
  try {
    const { db } = database;
    const signed = await db
      .select({ email: signatures.email })
      .from(signatures)
      .innerJoin(petitions, eq(petitions.id, signatures.petitionId))
      .where(and(eq(petitions.slug, PETITION), gte(signatures.createdAt, startedAt)));
    const taken = await db
      .select({ email: pledgeTakers.email })
      .from(pledgeTakers)
      .innerJoin(pledges, eq(pledges.id, pledgeTakers.pledgeId))
      .where(and(eq(pledges.slug, PLEDGE), gte(pledgeTakers.createdAt, startedAt)));
    const mailed = await db
      .select({ email: outboxMessages.recipient })
      .from(outboxMessages)
      .where(and(gte(outboxMessages.createdAt, startedAt), onServer ? like(outboxMessages.recipient, `%${DOMAIN}%`) : undefined));
    // Every row written since the corpus started belongs to a request that was answered 202.
    const strays = [...signed, ...taken, ...mailed].filter((row) => !accepted.has(row.email)).map((row) => JSON.stringify(row.email));
    expect(strays).toEqual([]);
    const stored = new Set([...signed, ...taken].map((row) => row.email));
    expect(controls.map((answer) => emailOf(answer.request.body)).filter((email) => !stored.has(email!))).toEqual([]);
  } finally {
    await database.close();
    if (!dataDir) await app.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
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

const get = (target: string, host = "localhost") => `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`;
const post = (target: string, body: string, host = "localhost") =>
  `POST ${target} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;

test("slugs with bad percent-encoding or NUL get 400 with a reason, on direct routes and pages alike", async () => {
  const body = JSON.stringify(supporter("raw@fuzz.example"));
  const cases: [string, string][] = [
    ["POST /api/petitions/%/signatures", post("/api/petitions/%/signatures", body)],
    ["POST /api/petitions/%zz/signatures", post("/api/petitions/%zz/signatures", body)],
    ["POST /api/pledges/%00/takers", post("/api/pledges/%00/takers", body)],
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
  const nul = await rawRequest(Buffer.concat([Buffer.from("GET /petition/a"), Buffer.from([0]), Buffer.from("b HTTP/1.1\r\nHost: localhost\r\n\r\n")]));
  expect(nul.status).toBe(400);
  expect(nul.text).toContain("The request is not valid HTTP.");
});

test("a Host header that is not a host name gets 400 with a reason, on pages and direct routes", async () => {
  for (const request of [get("/", "bad host"), get("/petition/e2e-malformed", "a b:3000"), post("/api/petitions/e2e-malformed/signatures", "{}", "x y")]) {
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

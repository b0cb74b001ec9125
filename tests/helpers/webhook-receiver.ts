import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

/** One POST the receiver got, checked with the Standard Webhooks reference library. */
export interface ReceivedWebhook {
  id: string;
  timestamp: string;
  body: string;
  /** The parsed body, when the signature verified; null when it did not. */
  payload: unknown;
  verifyError: string | null;
}

/** What the receiver does with a request: answer with a status, or hold it open and never answer. */
export type ReceiverAnswer = number | "hold";

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Sets the secret to verify with (the endpoint's `whsec_...`). */
  useSecret(secret: string): void;
  answer: (request: ReceivedWebhook) => ReceiverAnswer;
  close(): Promise<void>;
}

/**
 * A webhook receiver on 127.0.0.1, as a partner would write one: it verifies every request with
 * `standardwebhooks`' Webhook.verify (not Upstand's code), records it, and answers as `answer`
 * says (200 unless told otherwise).
 */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  let verifier: Webhook | null = null;
  const held: http.ServerResponse[] = [];
  const receiver: WebhookReceiver = {
    url: "",
    received: [],
    useSecret: (secret) => {
      verifier = new Webhook(secret);
    },
    answer: () => 200,
    close: async () => {
      for (const response of held) response.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = {
        "webhook-id": String(request.headers["webhook-id"] ?? ""),
        "webhook-timestamp": String(request.headers["webhook-timestamp"] ?? ""),
        "webhook-signature": String(request.headers["webhook-signature"] ?? ""),
      };
      let payload: unknown = null;
      let verifyError: string | null = null;
      try {
        if (!verifier) throw new Error("no secret set");
        payload = verifier.verify(body, headers);
      } catch (error) {
        verifyError = (error as Error).message;
      }
      const got: ReceivedWebhook = {
        id: headers["webhook-id"],
        timestamp: headers["webhook-timestamp"],
        body,
        payload,
        verifyError,
      };
      receiver.received.push(got);
      const answer = receiver.answer(got);
      if (answer === "hold") {
        held.push(response);
        return;
      }
      response.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return receiver;
}

import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { WEBHOOK_TIMEOUT_MS } from "@/lib/domain/webhooks";
import type { WebhookTarget } from "./ssrf";

export type SendOutcome = { kind: "answered"; status: number } | { kind: "failed"; error: string };

export interface WebhookRequest {
  target: WebhookTarget;
  headers: Record<string, string>;
  body: string;
  timeoutMs?: number;
}

/**
 * One POST, to the address the guard checked and no other: the connection's lookup answers with
 * it, so the host name is not resolved again (no DNS rebinding), while TLS still checks the
 * certificate against the host name. Redirects are not followed (a 3xx is a failure like any
 * non-2xx), the answer's body is not read, and the exchange has `timeoutMs` to reach a status.
 */
export function sendWebhook({
  target,
  headers,
  body,
  timeoutMs = WEBHOOK_TIMEOUT_MS,
}: WebhookRequest): Promise<SendOutcome> {
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const isHttps = target.url.protocol === "https:";
  const client = isHttps ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: SendOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const request = client.request(
      target.url,
      {
        method: "POST",
        lookup: pinned,
        agent: false,
        headers: { ...headers, "content-length": Buffer.byteLength(body).toString() },
      },
      (response) => {
        // The status is all that counts; the body is not read (nothing in it is used).
        settle({ kind: "answered", status: response.statusCode ?? 0 });
        response.destroy();
      },
    );
    const timer = setTimeout(() => {
      settle({ kind: "failed", error: `no answer within ${timeoutMs / 1000} s` });
      request.destroy();
    }, timeoutMs);
    request.on("error", (error) => settle({ kind: "failed", error: error.message.slice(0, 200) }));
    request.end(body);
  });
}

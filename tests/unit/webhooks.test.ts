import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { jitteredDelaySeconds, WEBHOOK_MAX_ATTEMPTS, webhookRetryDelaySeconds } from "@/lib/domain/webhooks";
import { parseEnv } from "@/lib/env";
import { webhookBody } from "@/lib/webhooks/payload";
import { newWebhookSecret, signWebhook } from "@/lib/webhooks/sign";
import { startupNotice } from "../../scripts/startup-notice";

describe("webhook signatures", () => {
  it("are what the Standard Webhooks reference library verifies", () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const body = JSON.stringify([{ type: "signature.confirmed", note: "é ✓" }]);
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      "webhook-id": "msg_1",
      "webhook-timestamp": String(timestamp),
      "webhook-signature": signWebhook(secret, "msg_1", timestamp, body),
    };
    expect(headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    // A different body, id or secret does not verify.
    expect(() => new Webhook(secret).verify(`${body} `, headers)).toThrow();
    expect(() => new Webhook(secret).verify(body, { ...headers, "webhook-id": "msg_2" })).toThrow();
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
  });
});

describe("the retry schedule", () => {
  it("grows with each attempt and spans about three days, then stops", () => {
    const pauses = Array.from({ length: WEBHOOK_MAX_ATTEMPTS - 1 }, (_, i) =>
      webhookRetryDelaySeconds(i + 1)!,
    );
    for (let i = 1; i < pauses.length; i++) expect(pauses[i]).toBeGreaterThanOrEqual(pauses[i - 1]!);
    const hours = pauses.reduce((sum, pause) => sum + pause, 0) / 3600;
    expect(hours).toBeGreaterThan(60);
    expect(hours).toBeLessThan(84);
    expect(webhookRetryDelaySeconds(WEBHOOK_MAX_ATTEMPTS)).toBeNull();
  });

  it("jitters each pause by at most a fifth", () => {
    expect(jitteredDelaySeconds(100, 0)).toBe(80);
    expect(jitteredDelaySeconds(100, 0.5)).toBe(100);
    expect(jitteredDelaySeconds(100, 0.999999)).toBeCloseTo(120, 3);
  });
});

describe("a person.erased body", () => {
  it("carries identifiers only", () => {
    const body = webhookBody(
      {
        id: "e1",
        type: "person.erased",
        payload: {
          person: "p1",
          signatures: ["s1"],
          pledges: ["t1"],
          erased_at: "2026-12-02T10:00:00+00:00",
          email: "x@example.org",
        },
        occurredAt: new Date("2026-12-02T10:00:00Z"),
      },
      new URL("https://example.org"),
    );
    expect(JSON.parse(body)).toEqual([
      {
        type: "person.erased",
        timestamp: "2026-12-02T10:00:00.000Z",
        "upstand:erasure": {
          identifiers: ["upstand:p1"],
          signatures: ["upstand:s1"],
          pledge_signatures: ["upstand:t1"],
          erased_date: "2026-12-02T10:00:00.000Z",
        },
      },
    ]);
  });
});

describe("the testing setting", () => {
  it("is off unless set, and warned of at start-up when on", () => {
    expect(parseEnv({}).WEBHOOKS_ALLOW_PRIVATE).toBe("off");
    expect(startupNotice(parseEnv({}), "127.0.0.1").join("\n")).not.toMatch(/WEBHOOKS_ALLOW_PRIVATE/);
    expect(startupNotice(parseEnv({ WEBHOOKS_ALLOW_PRIVATE: "on" }), "127.0.0.1").join("\n")).toMatch(
      /WARNING: WEBHOOKS_ALLOW_PRIVATE=on/,
    );
    expect(() => parseEnv({ WEBHOOKS_ALLOW_PRIVATE: "yes" })).toThrow(
      /WEBHOOKS_ALLOW_PRIVATE must be on or off/,
    );
  });
});

import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import { changeSupporterState, eraseSupporter } from "@/db/queries/moderation-changes";
import { enableWebhookEndpoint } from "@/db/queries/webhooks";
import { applyRetention } from "@/db/queries/retention";
import { retentionPolicy } from "@/lib/jobs/retention";
import { redeemSupportToken } from "@/db/queries/support-tokens";
import {
  auditLog,
  outboxMessages,
  pledgeCommitments,
  pledgeTakers,
  signatures,
  users,
  webhookDeliveries,
  webhookEndpoints,
  webhookEvents,
} from "@/db/schema";
import type { StaffCaller } from "@/lib/domain/roles";
import { WEBHOOK_MAX_ATTEMPTS, type WebhookEventType } from "@/lib/domain/webhooks";
import { drainWebhooks } from "@/lib/jobs/webhook-worker";
import { announceActivations, takePledge } from "@/lib/signing/pledging";
import { hashToken } from "@/lib/signing/tokens";
import { registerWebhookEndpoint } from "@/lib/webhooks/manage";
import { freshDemoPetition, signAs, signer } from "../helpers/signing";
import { startWebhookReceiver, type WebhookReceiver } from "../helpers/webhook-receiver";

// Webhooks end to end inside one process: real changes through the app's own paths, the
// database's trigger writing events in their transactions, the worker POSTing to receivers on
// 127.0.0.1 that verify every request with the `standardwebhooks` reference library.
const admin: StaffCaller = { id: "webhook-admin", email: "webhook.admin@example.org", role: "admin" };
const editor: StaffCaller = { id: "webhook-editor", email: "webhook.editor@example.org", role: "editor" };
const previous = process.env.WEBHOOKS_ALLOW_PRIVATE;
const receivers: WebhookReceiver[] = [];
let slug: string;

async function receiverFor(events: WebhookEventType[]) {
  const receiver = await startWebhookReceiver();
  receivers.push(receiver);
  const made = await registerWebhookEndpoint({ staff: admin }, { url: receiver.url, events });
  if (!made.ok) throw new Error(made.urlError);
  expect(made.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  receiver.useSecret(made.secret);
  return { receiver, endpointId: made.endpoint.id };
}

async function linkIn(email: string, path: "/confirm/" | "/withdraw/"): Promise<string> {
  const mails = await getDb()
    .select({ textBody: outboxMessages.textBody })
    .from(outboxMessages)
    .where(eq(outboxMessages.recipient, email));
  const token = mails.map((mail) => new RegExp(`${path}([\\w-]+)`).exec(mail.textBody)?.[1]).find(Boolean);
  if (!token) throw new Error(`no ${path} link in the mail to ${email}`);
  return hashToken(token);
}

async function signAndConfirm(email: string): Promise<string> {
  expect((await signAs(slug, email)).ok).toBe(true);
  expect((await redeemSupportToken("petition", await linkIn(email, "/confirm/"), "confirm")).result).toBe(
    "done",
  );
  const [row] = await getDb()
    .select({ id: signatures.id })
    .from(signatures)
    .where(eq(signatures.email, email));
  return row!.id;
}

const typesOf = (receiver: WebhookReceiver, from = 0) =>
  receiver.received.slice(from).map((got) => (got.payload as [{ type: string }])[0].type);

const dueNow = (endpointId: string) =>
  getDb()
    .update(webhookDeliveries)
    .set({ nextAttemptAt: sql`now()` })
    .where(
      and(eq(webhookDeliveries.endpointId, endpointId), sql`delivered_at is null and failed_at is null`),
    );

beforeAll(async () => {
  process.env.WEBHOOKS_ALLOW_PRIVATE = "on";
  ({ slug } = await freshDemoPetition());
  await getDb()
    .insert(users)
    .values([admin, editor].map(({ id, email, role }) => ({ id, email, role })))
    .onConflictDoNothing();
});

afterAll(async () => {
  await Promise.all(receivers.map((receiver) => receiver.close()));
  await closeDb();
  if (previous === undefined) delete process.env.WEBHOOKS_ALLOW_PRIVATE;
  else process.env.WEBHOOKS_ALLOW_PRIVATE = previous;
});

describe("webhook events", () => {
  it("sends one verified delivery per event to the endpoints subscribed, and none to the others", async () => {
    const { receiver: all } = await receiverFor([
      "signature.confirmed",
      "signature.withdrawn",
      "signature.rejected",
      "pledge.confirmed",
      "pledge.withdrawn",
      "person.erased",
      "commitment.activated",
    ]);
    const { receiver: withdrawals } = await receiverFor(["signature.withdrawn"]);
    const step = async (change: () => Promise<unknown>, expected: string[]) => {
      const from = all.received.length;
      await change();
      await drainWebhooks();
      // Messages go out side by side: in any order.
      expect(typesOf(all, from).sort()).toEqual([...expected].sort());
    };

    // Signing alone is no event: the signature is pending until its owner confirms.
    await step(() => signAs(slug, "pending.only@example.org"), []);
    // Nor is rejecting or withdrawing one that never counted: receivers were never told of it.
    const [pending] = await getDb()
      .select({ id: signatures.id })
      .from(signatures)
      .where(eq(signatures.email, "pending.only@example.org"));
    await step(() => changeSupporterState(editor, "petition", pending!.id, "reject", "a test entry"), []);
    await step(() => signAndConfirm("ada@example.org"), ["signature.confirmed"]);
    const confirmed = (all.received.at(-1)!.payload as Record<string, unknown>[])[0]!;
    expect(confirmed).toMatchObject({
      type: "signature.confirmed",
      "osdi:signature": {
        status: "confirmed",
        person: {
          given_name: "Ada",
          family_name: "Lovelace",
          email_addresses: [{ address: "ada@example.org", primary: true }],
          postal_addresses: [{ postal_code: "SW1A 1AA", country: "GB", primary: true }],
        },
      },
    });
    const links = (confirmed["osdi:signature"] as { _links: Record<string, { href: string }> })._links;
    expect(links.self!.href).toMatch(/\/api\/osdi\/v1\/petitions\/[\w-]{36}\/signatures\/[\w-]{36}$/);
    expect(links["osdi:person"]!.href).toMatch(/\/api\/osdi\/v1\/people\/[\w-]{36}$/);

    await step(
      async () =>
        expect(
          (await redeemSupportToken("petition", await linkIn("ada@example.org", "/withdraw/"), "withdraw"))
            .result,
        ).toBe("done"),
      ["signature.withdrawn"],
    );
    const rejected = await (async () => {
      let id = "";
      await step(async () => (id = await signAndConfirm("bob@example.org")), ["signature.confirmed"]);
      return id;
    })();
    await step(
      () => changeSupporterState(editor, "petition", rejected, "reject", "a test entry"),
      ["signature.rejected"],
    );

    let erased = "";
    await step(async () => (erased = await signAndConfirm("erase.me@example.org")), ["signature.confirmed"]);
    await step(() => eraseSupporter(editor, "petition", erased, "asked by email"), ["person.erased"]);
    const erasure = all.received.at(-1)!;
    expect(erasure.body).not.toMatch(/erase\.me|Ada|Lovelace|SW1A/);
    // The events that told of them before (their confirmation) are deleted: those held their data.
    const stored = await getDb().execute<{ n: number }>(
      sql`select count(*)::int as n from webhook_events where payload::text like '%erase.me%' or body like '%erase.me%'`,
    );
    expect(stored.rows[0]!.n).toBe(0);
    expect((erasure.payload as Record<string, unknown>[])[0]).toEqual({
      type: "person.erased",
      timestamp: expect.any(String),
      "upstand:erasure": {
        identifiers: [expect.stringMatching(/^upstand:[\w-]{36}$/)],
        signatures: [`upstand:${erased}`],
        pledge_signatures: [],
        erased_date: expect.any(String),
      },
    });

    // A pledge, with a commitment that is on once one person takes it.
    await getDb()
      .update(pledgeCommitments)
      .set({ threshold: 1 })
      .where(eq(pledgeCommitments.slug, "ask-for-a-session"));
    const noContext = { ip: null, source: null, referredBy: null, honeypot: null };
    await step(
      () =>
        takePledge(
          "do-my-part",
          { ...signer("pledger@example.org"), commitments: ["ask-for-a-session"] },
          noContext,
        ),
      [],
    );
    await step(async () => {
      const outcome = await redeemSupportToken(
        "pledge",
        await linkIn("pledger@example.org", "/confirm/"),
        "confirm",
      );
      expect(outcome.result).toBe("done");
      if (outcome.result === "done") await announceActivations(outcome.parentId);
    }, ["pledge.confirmed", "commitment.activated"]);
    await step(
      async () =>
        expect(
          (await redeemSupportToken("pledge", await linkIn("pledger@example.org", "/withdraw/"), "withdraw"))
            .result,
        ).toBe("done"),
      ["pledge.withdrawn"],
    );
    const [taker] = await getDb().select({ state: pledgeTakers.state }).from(pledgeTakers);
    expect(taker!.state).toBe("withdrawn");

    // Every request verified with the reference library, each message once.
    for (const got of [...all.received, ...withdrawals.received]) expect(got.verifyError).toBeNull();
    expect(new Set(all.received.map((got) => got.id)).size).toBe(all.received.length);
    expect(typesOf(withdrawals)).toEqual(["signature.withdrawn"]);
    // Draining again sends nothing twice.
    const count = all.received.length;
    await drainWebhooks();
    expect(all.received).toHaveLength(count);
  });

  it("retries a failed message with the same id and the same body, each pause longer than the last", async () => {
    const { receiver, endpointId } = await receiverFor(["signature.confirmed"]);
    const answers = [500, 503, 500, 200];
    receiver.answer = () => answers.shift() ?? 200;
    await signAndConfirm("retry@example.org");
    const pauses: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt++) {
      await drainWebhooks();
      expect(receiver.received).toHaveLength(attempt);
      const [row] = await getDb()
        .select({
          attempts: webhookDeliveries.attempts,
          pause: sql<number>`extract(epoch from ${webhookDeliveries.nextAttemptAt} - ${webhookDeliveries.lastAttemptAt})::float`,
          deliveredAt: webhookDeliveries.deliveredAt,
          lastStatus: webhookDeliveries.lastStatus,
        })
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.endpointId, endpointId));
      expect(row!.attempts).toBe(attempt);
      if (attempt < 4) {
        expect(row!.deliveredAt).toBeNull();
        pauses.push(row!.pause);
        await dueNow(endpointId);
      } else {
        expect(row!.deliveredAt).not.toBeNull();
        expect(row!.lastStatus).toBe(200);
      }
    }
    expect(pauses[1]).toBeGreaterThan(pauses[0]!);
    expect(pauses[2]).toBeGreaterThan(pauses[1]!);
    const [first, ...retries] = receiver.received;
    for (const retry of retries) {
      expect(retry.id).toBe(first!.id);
      expect(retry.body).toBe(first!.body);
      expect(retry.verifyError).toBeNull();
    }
    expect(first!.id).toMatch(/^msg_[\w-]{36}$/);
  });

  it("disables an endpoint that answers 410 Gone, tells the admins, and sends it nothing more", async () => {
    const { receiver, endpointId } = await receiverFor(["signature.confirmed"]);
    receiver.answer = () => 410;
    await signAndConfirm("gone.1@example.org");
    await drainWebhooks();
    expect(receiver.received).toHaveLength(1);
    const [endpoint] = await getDb()
      .select({ disabledAt: webhookEndpoints.disabledAt, disabledReason: webhookEndpoints.disabledReason })
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.id, endpointId));
    expect(endpoint!.disabledAt).not.toBeNull();
    expect(endpoint!.disabledReason).toBe("gone");
    const mails = await getDb()
      .select({
        recipient: outboxMessages.recipient,
        subject: outboxMessages.subject,
        textBody: outboxMessages.textBody,
      })
      .from(outboxMessages)
      .where(eq(outboxMessages.template, "webhook-disabled"));
    // Every active admin is told; admins made by other files on a shared database are too.
    const toThisAdmin = mails.filter((mail) => mail.recipient === admin.email);
    expect(toThisAdmin).toEqual([
      expect.objectContaining({ recipient: admin.email, subject: "A webhook endpoint was disabled" }),
    ]);
    expect(toThisAdmin[0]!.textBody).toContain(receiver.url);
    expect(toThisAdmin[0]!.textBody).toContain("410 Gone");
    const entries = await getDb()
      .select({ action: auditLog.action, actor: auditLog.actorEmail })
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, endpointId), eq(auditLog.action, "webhook.disable")));
    expect(entries).toEqual([{ action: "webhook.disable", actor: "automatic" }]);

    await signAndConfirm("gone.2@example.org");
    await drainWebhooks();
    expect(receiver.received).toHaveLength(1);

    // Enabled again by an admin (audited), it gets the events that happen from then on.
    receiver.answer = () => 200;
    expect(await enableWebhookEndpoint({ staff: admin }, endpointId)).toBe(true);
    await signAndConfirm("gone.3@example.org");
    await drainWebhooks();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]!.body).toContain("gone.3@example.org");
  });

  it("disables an endpoint whose message failed every attempt for days, and tells the admins", async () => {
    const { receiver, endpointId } = await receiverFor(["signature.confirmed"]);
    receiver.answer = () => 503;
    await signAndConfirm("failing@example.org");
    await drainWebhooks();
    // As if all but the last attempt had failed over the past three days.
    await getDb()
      .update(webhookDeliveries)
      .set({ attempts: WEBHOOK_MAX_ATTEMPTS - 1, nextAttemptAt: sql`now()` })
      .where(eq(webhookDeliveries.endpointId, endpointId));
    await drainWebhooks();
    expect(receiver.received).toHaveLength(2);
    const [delivery] = await getDb()
      .select({ failedAt: webhookDeliveries.failedAt, lastStatus: webhookDeliveries.lastStatus })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, endpointId));
    expect(delivery!.failedAt).not.toBeNull();
    expect(delivery!.lastStatus).toBe(503);
    const [endpoint] = await getDb()
      .select({ disabledReason: webhookEndpoints.disabledReason })
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.id, endpointId));
    expect(endpoint!.disabledReason).toBe("failing");
    const mails = await getDb()
      .select({ textBody: outboxMessages.textBody })
      .from(outboxMessages)
      .where(eq(outboxMessages.template, "webhook-disabled"));
    expect(
      mails.some(
        (mail) => mail.textBody.includes(receiver.url) && mail.textBody.includes("about three days"),
      ),
    ).toBe(true);
  });
});

describe("kept webhook events", () => {
  it("are deleted after 30 days once every delivery of them is finished, and kept while one is still tried", async () => {
    const { receiver, endpointId } = await receiverFor(["signature.confirmed"]);
    receiver.answer = () => 500;
    await signAndConfirm("old.event@example.org");
    await drainWebhooks();
    await getDb().execute(sql`update webhook_events set occurred_at = now() - interval '31 days'`);
    await applyRetention(retentionPolicy());
    const left = await getDb()
      .select({
        eventId: webhookEvents.id,
        endpointId: webhookDeliveries.endpointId,
        deliveredAt: webhookDeliveries.deliveredAt,
      })
      .from(webhookEvents)
      .innerJoin(webhookDeliveries, eq(webhookEvents.id, webhookDeliveries.eventId));
    // Only the event still being tried (to the failing endpoint) is left, with its other deliveries.
    expect(new Set(left.map((row) => row.eventId)).size).toBe(1);
    expect(left.find((row) => row.endpointId === endpointId)?.deliveredAt).toBeNull();
  });
});

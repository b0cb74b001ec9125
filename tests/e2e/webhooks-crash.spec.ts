import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { eq, inArray, sql } from "drizzle-orm";
import { openPglite } from "@/db/drivers/pglite";
import { pickDriver } from "@/db/drivers/pick-driver";
import { petitions, signatures, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { parseEnv } from "@/lib/env";
import { newWebhookSecret } from "@/lib/webhooks/sign";
import { startAppServer } from "../helpers/app-server";
import { startWebhookReceiver } from "../helpers/webhook-receiver";

// At least once, across a crash: messages the app was sending when it died (kill -9) are sent
// again, with the same webhook-id, by the next start; none is lost, and a receiver that drops the
// ids it has seen (as Standard Webhooks asks of receivers) gets each event once.
const onServer = pickDriver(parseEnv(process.env)) === "pg";
const EVENTS = 5;

test(
  "every webhook event reaches the receiver across a kill -9 mid-delivery, each with one id",
  { tag: "@engine" },
  async () => {
    test.skip(
      onServer,
      "runs on an embedded database of its own: the shared server would deliver the events too",
    );
    test.setTimeout(240_000);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "upstand-webhooks-crash-"));
    const receiver = await startWebhookReceiver();
    const env = { DATA_DIR: dataDir, WEBHOOKS_ALLOW_PRIVATE: "on", TRUSTED_PROXY_HEADER: "x-real-ip" };
    try {
      // A first start makes the database (migrated, with the demo campaign); then, with the app
      // down, an endpoint is registered and signatures are confirmed: the events wait in the outbox.
      await (await startAppServer(env)).stop();
      const secret = newWebhookSecret();
      receiver.useSecret(secret);
      const ids: string[] = [];
      const database = openPglite(path.join(dataDir, "pglite"));
      try {
        const { db } = database;
        const [petition] = await db.select({ id: petitions.id }).from(petitions);
        await db.insert(webhookEndpoints).values({
          url: receiver.url,
          events: ["signature.confirmed"],
          secret,
          createdBy: "crash test",
        });
        for (let i = 0; i < EVENTS; i++) {
          const [row] = await db
            .insert(signatures)
            .values({
              petitionId: petition!.id,
              firstName: "Crash",
              lastName: `Test ${i}`,
              email: `crash-${i}@example.org`,
              emailCanonical: `crash-${i}@example.org`,
              country: "US",
              privacyNoticeVersion: "test",
              privacyAcceptedAt: new Date(),
              referralCode: randomUUID(),
            })
            .returning({ id: signatures.id });
          await db
            .update(signatures)
            .set({ state: "verified", verifiedAt: new Date() })
            .where(eq(signatures.id, row!.id));
          ids.push(row!.id);
        }
        expect(await db.select({ id: webhookDeliveries.id }).from(webhookDeliveries)).toHaveLength(EVENTS);
      } finally {
        await database.close();
      }

      // The first message to arrive is held open, unanswered; the app dies while it waits.
      let heldId: string | null = null;
      receiver.answer = (got) => {
        if (heldId === null || heldId === got.id) {
          heldId = got.id;
          return "hold";
        }
        return 200;
      };
      const app = await startAppServer(env);
      await expect
        .poll(() => new Set(receiver.received.map((got) => got.id)).size, { timeout: 60_000 })
        .toBe(EVENTS);
      await app.kill9();
      const before = receiver.received.filter((got) => got.id === heldId).length;

      // The next start sends it again, with the same id, once the dead instance's lease has run out.
      // The lease is longer than an attempt may take (about 30 s): the test moves it to its end, as
      // the clock would, rather than waiting; the next start must still see it has run out.
      const crashed = openPglite(path.join(dataDir, "pglite"));
      try {
        const leased = await crashed.db
          .update(webhookDeliveries)
          .set({ lockedUntil: sql`now() - interval '1 second'` })
          .where(sql`${webhookDeliveries.lockedUntil} > now()`)
          .returning({ id: webhookDeliveries.id });
        expect(leased.map(({ id }) => `msg_${id}`)).toContain(heldId);
      } finally {
        await crashed.close();
      }
      receiver.answer = () => 200;
      const restarted = await startAppServer(env);
      try {
        await expect
          .poll(() => receiver.received.filter((got) => got.id === heldId).length, { timeout: 120_000 })
          .toBeGreaterThan(before);
      } finally {
        await restarted.stop();
      }

      for (const got of receiver.received) expect(got.verifyError).toBeNull();
      const distinct = new Map(receiver.received.map((got) => [got.id, got]));
      expect(distinct.size).toBe(EVENTS);
      // Every copy of a message is the same message: same id, same body.
      for (const got of receiver.received) expect(got.body).toBe(distinct.get(got.id)!.body);
      const told = [...distinct.values()].map(
        (got) =>
          (got.payload as [{ "osdi:signature": { identifiers: string[] } }])[0]["osdi:signature"]
            .identifiers[0],
      );
      expect(told.sort()).toEqual(ids.map((id) => `upstand:${id}`).sort());

      const after = openPglite(path.join(dataDir, "pglite"));
      try {
        const rows = await after.db
          .select({
            id: webhookDeliveries.id,
            deliveredAt: webhookDeliveries.deliveredAt,
            failedAt: webhookDeliveries.failedAt,
          })
          .from(webhookDeliveries)
          .where(
            inArray(
              webhookDeliveries.id,
              [...distinct.keys()].map((id) => id.slice("msg_".length)),
            ),
          );
        expect(rows).toHaveLength(EVENTS);
        // Each is recorded as delivered, or (answered just as the server was stopped, before it
        // noted the answer) still due and never given up: the next start sends it once more, as
        // at-least-once delivery promises. None is lost.
        for (const row of rows) expect(row.deliveredAt !== null || row.failedAt === null, row.id).toBe(true);
      } finally {
        await after.close();
      }
    } finally {
      await receiver.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
);

import { eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "@/db";
import { outboxMessages, signatures } from "@/db/schema";
import { drainOutbox } from "@/lib/jobs/outbox-worker";
import { freshDemoPetition, signAs } from "../helpers/signing";
import { startSmtpInbox, type SmtpInbox } from "../helpers/smtp-inbox";

// The outbox sent through a real SMTP server. SMTP_URL is set before anything reads the
// environment in this file, and put back afterwards.
describe("the outbox with a mail server", () => {
  let inbox: SmtpInbox;
  let slug: string;
  const previous = process.env.SMTP_URL;

  beforeAll(async () => {
    inbox = await startSmtpInbox();
    process.env.SMTP_URL = inbox.url;
    ({ slug } = await freshDemoPetition());
  });
  afterAll(async () => {
    await inbox.close();
    await closeDb();
    if (previous === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = previous;
  });

  const sign = (email: string, codes: { source?: string; referredBy?: string } = {}) =>
    signAs(slug, email, codes);

  it("sends each message once, with its confirm link, and marks it sent", async () => {
    await sign("mary@example.org", { source: "newsletter", referredBy: "friend-code" });
    await drainOutbox();
    const received = inbox.received.filter((mail) => mail.to.includes("mary@example.org"));
    expect(received).toHaveLength(1);
    expect(received[0]!.raw).toMatch(/Subject: Confirm your signature/);
    expect(received[0]!.raw.replace(/=\r?\n/g, "")).toMatch(/\/confirm\/[\w-]{43}/);
    const unsent = await getDb()
      .select({ id: outboxMessages.id })
      .from(outboxMessages)
      .where(isNull(outboxMessages.sentAt));
    expect(unsent).toHaveLength(0);

    // Draining again, as the poller does, sends nothing twice.
    await drainOutbox();
    expect(inbox.received.filter((mail) => mail.to.includes("mary@example.org"))).toHaveLength(1);
  });

  it("keeps the source and referral code the signer arrived with", async () => {
    const [row] = await getDb()
      .select({ source: signatures.source, referredBy: signatures.referredBy })
      .from(signatures)
      .where(eq(signatures.email, "mary@example.org"));
    expect(row).toEqual({ source: "newsletter", referredBy: "friend-code" });
  });

  it("never sends twice a message whose instance died while handing it over; signing again brings a fresh link", async () => {
    const received = () => inbox.received.filter((mail) => mail.to.includes("crash@example.org"));
    await sign("crash@example.org");
    // The app's own worker may be sending it already: let the message go out, then leave its row
    // as an instance that died mid-hand-over leaves it.
    await vi.waitFor(async () => {
      await drainOutbox();
      expect(received()).toHaveLength(1);
    });
    await getDb()
      .update(outboxMessages)
      .set({ sentAt: null, handedAt: sql`now()`, lockedUntil: sql`now() - interval '1 minute'` })
      .where(eq(outboxMessages.recipient, "crash@example.org"));

    // Its lease has run out, but the mail server may have taken it: it is not sent again.
    await drainOutbox();
    expect(received()).toHaveLength(1);

    // The supporter, with no email, signs again, and gets a fresh confirm link.
    await sign("crash@example.org");
    await vi.waitFor(async () => {
      await drainOutbox();
      expect(received()).toHaveLength(2);
    });
    expect(received()[1]!.raw.replace(/=\r?\n/g, "")).toMatch(/\/confirm\/[\w-]{43}/);
  });

  it("keeps a message, with the error, for a later retry when the mail server is down", async () => {
    await inbox.close();
    await sign("later@example.org");
    await drainOutbox();
    const [waiting] = await getDb()
      .select({
        sentAt: outboxMessages.sentAt,
        handedAt: outboxMessages.handedAt,
        lastError: outboxMessages.lastError,
        attempts: outboxMessages.attempts,
      })
      .from(outboxMessages)
      .where(eq(outboxMessages.recipient, "later@example.org"));
    // Refused, not handed over: it will be tried again.
    expect(waiting).toMatchObject({ sentAt: null, handedAt: null, attempts: 1 });
    expect(waiting!.lastError).toBeTruthy();
  });
});

import { and, eq, inArray, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "@/db";
import { getActionReport } from "@/db/queries/action-reports";
import { eraseSupporter } from "@/db/queries/moderation-changes";
import { redeemSupportToken } from "@/db/queries/support-tokens";
import { outboxMessages, pledgeTakers, signatures, users } from "@/db/schema";
import type { StaffCaller } from "@/lib/domain/roles";
import { sendConfirmReminders } from "@/lib/jobs/confirm-reminders";
import { drainOutbox } from "@/lib/jobs/outbox-worker";
import { takePledge } from "@/lib/signing/pledging";
import { hashToken } from "@/lib/signing/tokens";
import { freshDemoPetition, signAs, signer } from "../helpers/signing";
import { startSmtpInbox, type SmtpInbox } from "../helpers/smtp-inbox";

// The one reminder to confirm (lib/jobs/confirm-reminders.ts), with the default delay of 24 hours,
// sent through a real mail server on this machine. SMTP_URL is set before the environment is read.

const editor: StaffCaller = { id: "editor", email: "editor@example.org", role: "editor" };
const viewer: StaffCaller = { id: "viewer", email: "viewer@example.org", role: "viewer" };

/** Makes a supporter's signature (or pledge) as old as `hours`. */
async function age(emails: string[], hours = 25) {
  const createdAt = sql`now() - make_interval(hours => ${hours})`;
  await getDb().update(signatures).set({ createdAt }).where(inArray(signatures.email, emails));
  await getDb().update(pledgeTakers).set({ createdAt }).where(inArray(pledgeTakers.email, emails));
}

/** The reminders the outbox holds, by recipient. */
async function remindersTo(email: string) {
  return getDb()
    .select({ template: outboxMessages.template, textBody: outboxMessages.textBody })
    .from(outboxMessages)
    .where(and(eq(outboxMessages.recipient, email), like(outboxMessages.dedupeKey, "reminder-%")));
}

/** A link's token from the first email (the confirmation) sent to `email`. */
async function firstLink(email: string, path: "/confirm/" | "/withdraw/") {
  const [mail] = await getDb()
    .select({ textBody: outboxMessages.textBody })
    .from(outboxMessages)
    .where(and(eq(outboxMessages.recipient, email), like(outboxMessages.dedupeKey, "confirm-%")));
  return new RegExp(`${path}([\\w-]{43})`).exec(mail!.textBody)![1]!;
}

describe("the reminder to confirm", () => {
  let inbox: SmtpInbox;
  let slug: string;
  const previous = process.env.SMTP_URL;

  beforeAll(async () => {
    inbox = await startSmtpInbox();
    process.env.SMTP_URL = inbox.url;
  });
  beforeEach(async () => {
    ({ slug } = await freshDemoPetition());
    await getDb().insert(users).values(editor).onConflictDoNothing();
  });
  afterAll(async () => {
    await inbox.close();
    await closeDb();
    if (previous === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = previous;
  });

  it("goes once, a day after signing or pledging, in the person's language, with a confirm link that works", async () => {
    expect((await signAs(slug, "recordar@example.org", { preferredLanguage: "es" })).ok).toBe(true);
    expect((await signAs(slug, "too.soon@example.org")).ok).toBe(true);
    const taken = await takePledge(
      "do-my-part",
      { ...signer("taker.remind@example.org"), commitments: ["learn-to-report"] },
      { ip: null, source: null, referredBy: null, honeypot: null },
    );
    expect(taken.ok).toBe(true);
    await age(["recordar@example.org", "taker.remind@example.org"]);
    await age(["too.soon@example.org"], 23);

    expect(await sendConfirmReminders()).toBe(2);
    expect(await remindersTo("too.soon@example.org")).toEqual([]);
    expect(await remindersTo("taker.remind@example.org")).toEqual([
      {
        template: "reminder-pledge",
        textBody: expect.stringContaining("it does not count until you confirm it"),
      },
    ]);

    const received = await vi.waitFor(
      async () => {
        await drainOutbox();
        const mail = inbox.received.find(
          (candidate) => candidate.to.includes("recordar@example.org") && /Recordatorio/.test(candidate.raw),
        );
        expect(mail).toBeDefined();
        // Quoted-printable, as the mail server received it, decoded.
        const decoded = mail!.raw
          .replace(/=\r?\n/g, "")
          .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
        return Buffer.from(decoded, "latin1").toString("utf8");
      },
      { timeout: 30_000, interval: 100 },
    );
    expect(received).toContain("Este es el único recordatorio que le enviamos.");
    const token = /\/es\/confirm\/([\w-]{43})/.exec(received)![1]!;
    expect(await redeemSupportToken("petition", hashToken(token), "confirm")).toMatchObject({
      result: "done",
    });
    const [row] = await getDb()
      .select({ state: signatures.state })
      .from(signatures)
      .where(eq(signatures.email, "recordar@example.org"));
    expect(row).toEqual({ state: "verified" });

    // A day later, and the next day: nobody is reminded twice.
    await age(["too.soon@example.org", "taker.remind@example.org"], 48);
    expect(await sendConfirmReminders()).toBe(1);
    expect(await sendConfirmReminders()).toBe(0);
    expect(await remindersTo("taker.remind@example.org")).toHaveLength(1);
  });

  it("never goes after withdrawal, erasure, confirmation, or a repeat notice", async () => {
    const emails = [
      "withdrew@example.org",
      "erased@example.org",
      "confirmed@example.org",
      "again@example.org",
    ];
    for (const email of [...emails, "waiting@example.org"]) expect((await signAs(slug, email)).ok).toBe(true);
    await redeemSupportToken(
      "petition",
      hashToken(await firstLink("withdrew@example.org", "/withdraw/")),
      "withdraw",
    );
    await redeemSupportToken(
      "petition",
      hashToken(await firstLink("confirmed@example.org", "/confirm/")),
      "confirm",
    );
    const [erased] = await getDb()
      .select({ id: signatures.id })
      .from(signatures)
      .where(eq(signatures.email, "erased@example.org"));
    await eraseSupporter(editor, "petition", erased!.id, "asked by email");
    // Signing again sends a notice with a fresh confirm link: that was their reminder.
    await signAs(slug, "again@example.org");
    await age([...emails, "waiting@example.org"]);
    await getDb()
      .update(signatures)
      .set({ createdAt: sql`now() - interval '25 hours'` })
      .where(eq(signatures.id, erased!.id));

    expect(await sendConfirmReminders()).toBe(1);
    expect(await remindersTo("waiting@example.org")).toHaveLength(1);
    for (const email of emails) expect(await remindersTo(email)).toEqual([]);
    const reminded = await getDb()
      .select({ email: signatures.email })
      .from(signatures)
      .where(sql`${signatures.reminderSentAt} is not null`);
    expect(reminded).toEqual([{ email: "waiting@example.org" }]);
  });

  it("is sent once even when two runs take the same rows at the same moment", async () => {
    const emails = Array.from({ length: 40 }, (_, i) => `race.${i}@example.org`);
    for (const email of emails) expect((await signAs(slug, email)).ok).toBe(true);
    await age(emails);
    const [first, second] = await Promise.all([sendConfirmReminders(), sendConfirmReminders()]);
    const written = await getDb()
      .select({ recipient: outboxMessages.recipient })
      .from(outboxMessages)
      .where(like(outboxMessages.dedupeKey, "reminder-%"));
    expect(written.map((mail) => mail.recipient).sort()).toEqual([...emails].sort());
    expect(first! + second!).toBe(emails.length);
    expect(await sendConfirmReminders()).toBe(0);
  });

  it("shows on the staff report: the confirmation rate without the reminder and with it", async () => {
    for (const email of [
      "early@example.org",
      "late@example.org",
      "never.1@example.org",
      "never.2@example.org",
    ])
      await signAs(slug, email);
    await redeemSupportToken(
      "petition",
      hashToken(await firstLink("early@example.org", "/confirm/")),
      "confirm",
    );
    await age(["late@example.org", "never.1@example.org", "never.2@example.org"]);
    expect(await sendConfirmReminders()).toBe(3);
    const [reminder] = await remindersTo("late@example.org");
    const token = /\/confirm\/([\w-]{43})/.exec(reminder!.textBody)![1]!;
    await redeemSupportToken("petition", hashToken(token), "confirm");

    const report = (await getActionReport(viewer, "petition", slug))!;
    expect(report).toMatchObject({
      everSigned: 4,
      everConfirmed: 2,
      confirmedWithoutReminder: 1,
      reminded: 3,
      confirmedAfterReminder: 1,
    });
  });
});

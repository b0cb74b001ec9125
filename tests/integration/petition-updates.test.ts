import { randomUUID } from "node:crypto";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import {
  deletePetitionUpdate,
  getStaffUpdatesPage,
  insertPetitionUpdate,
  listPetitionUpdates,
  queuePetitionUpdateEmails,
  updatePetitionUpdate,
  type PetitionUpdateValues,
} from "@/db/queries/petition-updates";
import { stopUpdates } from "@/db/queries/updates";
import { actionTokens, auditLog, outboxMessages, petitionUpdates, signatures, users } from "@/db/schema";
import { NotAllowedError, type StaffCaller } from "@/lib/domain/roles";
import { drainOutbox } from "@/lib/jobs/outbox-worker";
import { petitionUpdateMail } from "@/lib/mail/petition-update-mail";
import { hashToken } from "@/lib/signing/tokens";
import { freshDemoPetition } from "../helpers/signing";
import { startSmtpInbox, type SmtpInbox } from "../helpers/smtp-inbox";

// Decision-maker updates on the real database: the timeline's order and languages, the audit
// trail, and the email to the signers who asked for updates, queued by one INSERT … SELECT and
// sent through a real SMTP server.

const run = randomUUID().slice(0, 8);
const editor: StaffCaller = {
  id: `updates-editor-${run}`,
  email: `editor-${run}@example.org`,
  role: "editor",
};
const viewer: StaffCaller = {
  id: `updates-viewer-${run}`,
  email: `viewer-${run}@example.org`,
  role: "viewer",
};
const address = (name: string) => `${name}.${run}@example.org`;
const SITE = new URL("http://localhost:3000");

interface Seed {
  name: string;
  firstName: string;
  wantsUpdates: boolean;
  state?: "verified" | "pending" | "withdrawn";
  language?: string;
  erased?: boolean;
}

const SEEDS: Seed[] = [
  { name: "ana", firstName: "Ana <Sofía>", wantsUpdates: true, language: "es-MX" },
  { name: "bob", firstName: "Bob", wantsUpdates: true },
  { name: "carl", firstName: "Carl", wantsUpdates: false },
  { name: "dee", firstName: "Dee", wantsUpdates: true, state: "pending" },
  { name: "eve", firstName: "Eve", wantsUpdates: true, state: "withdrawn" },
  { name: "gone", firstName: "Gone", wantsUpdates: true, erased: true },
];

const hearing: PetitionUpdateValues = {
  kind: "hearing-scheduled",
  happenedOn: "2026-11-20",
  hearingOn: "2027-01-15",
  title: "The committee will hear the bill",
  body: "The Senate committee has set a hearing.\n\nWe will be there with your names.",
  translations: {
    es: { title: "El comité escuchará el proyecto", body: "El comité del Senado fijó una audiencia." },
  },
};
const delivered: PetitionUpdateValues = {
  kind: "delivered",
  happenedOn: "2026-11-02",
  hearingOn: null,
  title: "We delivered your signatures",
  body: "We handed the petition to the committee's staff.",
  translations: {},
};

const mailOf = (facts: Parameters<typeof petitionUpdateMail>[0]) => petitionUpdateMail(facts, SITE);

const outboxFor = (updateId: string) =>
  getDb()
    .select({
      recipient: outboxMessages.recipient,
      subject: outboxMessages.subject,
      textBody: outboxMessages.textBody,
      htmlBody: outboxMessages.htmlBody,
      metadata: outboxMessages.metadata,
    })
    .from(outboxMessages)
    .where(like(outboxMessages.dedupeKey, `petition-update:${updateId}:%`));

describe("decision-maker updates", () => {
  let petitionId: string;
  let slug: string;
  let inbox: SmtpInbox;
  const previousSmtp = process.env.SMTP_URL;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    inbox = await startSmtpInbox();
    process.env.SMTP_URL = inbox.url;
    ({ id: petitionId, slug } = await freshDemoPetition());
    await getDb()
      .insert(users)
      .values([editor, viewer].map(({ id, email, role }) => ({ id, email, role })));
    const rows = await getDb()
      .insert(signatures)
      .values(
        SEEDS.map((seed, index) => ({
          petitionId,
          state: seed.state ?? "verified",
          firstName: seed.erased ? null : seed.firstName,
          lastName: seed.erased ? null : "Signer",
          email: seed.erased ? null : address(seed.name),
          emailCanonical: seed.erased ? null : address(seed.name),
          wantsUpdates: seed.wantsUpdates,
          preferredLanguage: seed.language ?? "en",
          privacyNoticeVersion: "test",
          privacyAcceptedAt: new Date(),
          verifiedAt: seed.state === "pending" ? null : new Date(),
          withdrawnAt: seed.state === "withdrawn" ? new Date() : null,
          erasedAt: seed.erased ? new Date() : null,
          referralCode: `updates-${run}-${index}`,
        })),
      )
      .returning({ id: signatures.id, email: signatures.email });
    for (const row of rows) if (row.email) ids[row.email] = row.id;
  });
  afterAll(async () => {
    await inbox.close();
    await closeDb();
    if (previousSmtp === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = previousSmtp;
  });

  let hearingId: string;
  let deliveredId: string;

  it("shows a petition's updates newest first, in the reader's language where translated", async () => {
    deliveredId = (await insertPetitionUpdate(editor, petitionId, delivered))!.id;
    hearingId = (await insertPetitionUpdate(editor, petitionId, hearing))!.id;

    const english = await listPetitionUpdates(slug, "en");
    expect(english.map((update) => update.title)).toEqual([hearing.title, delivered.title]);
    expect(english[0]).toMatchObject({
      kind: "hearing-scheduled",
      happenedOn: "2026-11-20",
      hearingOn: "2027-01-15",
    });

    const spanish = await listPetitionUpdates(slug, "es");
    expect(spanish[0]).toMatchObject({ title: "El comité escuchará el proyecto", untranslated: [] });
    // Not translated: shown as written, and marked English for screen readers.
    expect(spanish[1]).toMatchObject({ title: delivered.title, untranslated: ["title", "body"] });
    // The public read carries nothing about who posted it or whom it was emailed to.
    expect(Object.keys(english[0]!).sort()).toEqual(
      ["body", "happenedOn", "hearingOn", "id", "kind", "title", "untranslated"].sort(),
    );
  });

  it("refuses a viewer, and writes every post in the audit log", async () => {
    await expect(insertPetitionUpdate(viewer, petitionId, delivered)).rejects.toThrow(NotAllowedError);
    await expect(queuePetitionUpdateEmails(viewer, hearingId, mailOf)).rejects.toThrow(NotAllowedError);
    const posts = await getDb()
      .select({ details: auditLog.details, actor: auditLog.actorEmail })
      .from(auditLog)
      .where(and(eq(auditLog.action, "petition-update.post"), eq(auditLog.subjectId, petitionId)));
    expect(posts).toHaveLength(2);
    expect(posts.every((post) => post.actor === editor.email)).toBe(true);
  });

  it("emails only confirmed signers who asked for updates, each in their language, with their own stop-updates link", async () => {
    expect((await getStaffUpdatesPage(editor, slug))!.wantsUpdates).toBe(2);
    const result = await queuePetitionUpdateEmails(editor, hearingId, mailOf);
    expect(result).toEqual({ outcome: "queued", queued: 2 });

    const mails = await outboxFor(hearingId);
    expect(mails.map((mail) => mail.recipient).sort()).toEqual([address("ana"), address("bob")]);
    const ana = mails.find((mail) => mail.recipient === address("ana"))!;
    const bob = mails.find((mail) => mail.recipient === address("bob"))!;

    expect(ana.subject).toBe("Audiencia programada: El comité escuchará el proyecto");
    expect(ana.textBody).toContain("Hola, Ana <Sofía>:");
    expect(ana.textBody).toContain("La audiencia es el 15 de enero de 2027.");
    expect(ana.htmlBody).toContain("Hola, Ana &lt;Sofía&gt;:");
    expect(ana.htmlBody).not.toContain("<Sofía>");
    expect(bob.subject).toBe("Hearing scheduled: The committee will hear the bill");
    expect(bob.textBody).toContain("Hello Bob,");
    expect(bob.textBody).toContain("The hearing is on January 15, 2027.");
    expect(bob.textBody).toContain("We will be there with your names.");
    expect(bob.textBody).toContain(`/petition/${slug}#updates-heading`);
    expect(ana.textBody).toContain(`/es/petition/${slug}#updates-heading`);

    const tokenOf = (text: string, page: RegExp) => page.exec(text)?.[1];
    const anaToken = tokenOf(ana.textBody, /\/es\/unsubscribe\/([\w-]{43})\b/)!;
    const bobToken = tokenOf(bob.textBody, /\/unsubscribe\/([\w-]{43})\b/)!;
    expect(anaToken).toBeDefined();
    expect(bobToken).toBeDefined();
    expect(anaToken).not.toBe(bobToken);
    const headers = (bob.metadata as { headers: Record<string, string> }).headers;
    expect(headers["List-Unsubscribe"]).toBe(
      `<http://localhost:3000/api/links/unsubscribe?token=${bobToken}>`,
    );
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");

    const [stored] = await getDb()
      .select({ purpose: actionTokens.purpose, subjectId: actionTokens.subjectId })
      .from(actionTokens)
      .where(eq(actionTokens.tokenHash, hashToken(anaToken)));
    expect(stored).toEqual({ purpose: "unsubscribe-signature", subjectId: ids[address("ana")] });

    const [row] = await getDb()
      .select({ emailedAt: petitionUpdates.emailedAt, emailedCount: petitionUpdates.emailedCount })
      .from(petitionUpdates)
      .where(eq(petitionUpdates.id, hearingId));
    expect(row!.emailedAt).not.toBeNull();
    expect(row!.emailedCount).toBe(2);
  });

  it("never emails an update twice", async () => {
    expect(await queuePetitionUpdateEmails(editor, hearingId, mailOf)).toEqual({
      outcome: "already-emailed",
    });
    expect(await outboxFor(hearingId)).toHaveLength(2);
    const sends = await getDb()
      .select({ rowCount: auditLog.rowCount })
      .from(auditLog)
      .where(and(eq(auditLog.action, "petition-update.email"), eq(auditLog.subjectId, petitionId)));
    expect(sends).toEqual([{ rowCount: 2 }]);
  });

  it("delivers through the mail server, and its link stops updates", async () => {
    await drainOutbox();
    const to = (name: string) => inbox.received.filter((mail) => mail.to.includes(address(name)));
    expect(to("bob")).toHaveLength(1);
    expect(to("ana")).toHaveLength(1);
    for (const name of ["carl", "dee", "eve"]) expect(to(name)).toHaveLength(0);
    const raw = to("bob")[0]!.raw.replace(/=\r?\n/g, "");
    // Headers unfolded, as a mail program reads them.
    const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
    expect(head).toMatch(
      /^List-Unsubscribe:\s*<http:\/\/localhost:3000\/api\/links\/unsubscribe\?token=[\w-]{43}>/m,
    );
    const token = /\/unsubscribe\/([\w-]{43})/.exec(raw)![1]!;
    expect(await stopUpdates(hashToken(token), "page")).toBe("stopped");
    const [bob] = await getDb()
      .select({ wantsUpdates: signatures.wantsUpdates })
      .from(signatures)
      .where(eq(signatures.id, ids[address("bob")]!));
    expect(bob!.wantsUpdates).toBe(false);
  });

  it("audits edits with the fields changed, and deletes", async () => {
    await updatePetitionUpdate(editor, deliveredId, {
      ...delivered,
      title: "Your signatures reached the committee",
    });
    expect((await listPetitionUpdates(slug, "en"))[1]!.title).toBe("Your signatures reached the committee");
    expect(await deletePetitionUpdate(editor, deliveredId)).toEqual({ slug });
    expect(await listPetitionUpdates(slug, "en")).toHaveLength(1);
    const entries = await getDb()
      .select({ action: auditLog.action, details: auditLog.details })
      .from(auditLog)
      .where(and(like(auditLog.action, "petition-update.%"), eq(auditLog.subjectId, petitionId)));
    const edit = entries.find((entry) => entry.action === "petition-update.edit");
    expect(edit!.details).toMatchObject({ update: deliveredId, changed: ["title"] });
    expect(entries.some((entry) => entry.action === "petition-update.delete")).toBe(true);
  });
});

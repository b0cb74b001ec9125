import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, MIGRATIONS_FOLDER } from "@/db";
import { openPglite } from "@/db/drivers/pglite";
import { pickDriver } from "@/db/drivers/pick-driver";
import { getTotals } from "@/db/queries/counts";
import { changeSupporterState } from "@/db/queries/moderation-changes";
import { applyRetention } from "@/db/queries/retention";
import {
  outboxMessages,
  petitions,
  pledgeCommitments,
  pledges,
  pledgeTakers,
  signatures,
  users,
} from "@/db/schema";
import { seedDemoCampaign } from "@/db/seed";
import type { StaffCaller } from "@/lib/domain/roles";
import { retentionPolicy } from "@/lib/jobs/retention";
import { takePledge } from "@/lib/signing/pledging";
import { ensureCliBuild, runCli } from "../helpers/cli";
import { freshDemoPetition, signAs, signer } from "../helpers/signing";
import { testEnv } from "../helpers/test-database";

async function ageSignature(email: string, days: number) {
  await getDb()
    .update(signatures)
    .set({ createdAt: sql`now() - make_interval(days => ${days})` })
    .where(eq(signatures.email, email));
}

describe("the retention policy", () => {
  let slug: string;
  let petitionId: string;
  beforeAll(async () => {
    ({ slug, id: petitionId } = await freshDemoPetition());
  });
  afterAll(closeDb);

  it("deletes signatures never confirmed after 30 days, and takes them out of the pending total", async () => {
    await signAs(slug, "old.pending@example.org");
    await signAs(slug, "new.pending@example.org");
    await ageSignature("old.pending@example.org", 31);
    const before = await getTotals("petition", petitionId);

    expect(await applyRetention(retentionPolicy())).toMatchObject({ deletedUnconfirmed: 1 });
    const left = await getDb().select({ email: signatures.email }).from(signatures);
    expect(left.map((row) => row.email)).toEqual(["new.pending@example.org"]);
    expect((await getTotals("petition", petitionId)).pending).toBe(before.pending - 1);
  });

  it("deletes pledge takers never confirmed after 30 days, out of the pledge's and the commitment's pending totals", async () => {
    const take = (email: string) =>
      takePledge(
        "do-my-part",
        { ...signer(email), commitments: ["learn-to-report"] },
        { ip: null, source: null, referredBy: null, honeypot: null },
      );
    expect((await take("old.taker@example.org")).ok).toBe(true);
    expect((await take("new.taker@example.org")).ok).toBe(true);
    await getDb()
      .update(pledgeTakers)
      .set({ createdAt: sql`now() - interval '31 days'` })
      .where(eq(pledgeTakers.email, "old.taker@example.org"));
    const [pledge] = await getDb()
      .select({ id: pledges.id })
      .from(pledges)
      .where(eq(pledges.slug, "do-my-part"));
    const [commitment] = await getDb()
      .select({ id: pledgeCommitments.id })
      .from(pledgeCommitments)
      .where(and(eq(pledgeCommitments.pledgeId, pledge!.id), eq(pledgeCommitments.slug, "learn-to-report")));
    const before = await getTotals("pledge", pledge!.id);
    const beforeCommitment = await getTotals("commitment", commitment!.id);

    expect(await applyRetention(retentionPolicy())).toMatchObject({ deletedUnconfirmedTakers: 1 });
    const left = await getDb()
      .select({ email: pledgeTakers.email })
      .from(pledgeTakers)
      .where(inArray(pledgeTakers.email, ["old.taker@example.org", "new.taker@example.org"]));
    expect(left).toEqual([{ email: "new.taker@example.org" }]);
    expect((await getTotals("pledge", pledge!.id)).pending).toBe(before.pending - 1);
    expect((await getTotals("commitment", commitment!.id)).pending).toBe(beforeCommitment.pending - 1);
  });

  it("erases IP addresses after 90 days and keeps the signature", async () => {
    await signAs(slug, "old.ip@example.org", { ip: "192.0.2.10" });
    await ageSignature("old.ip@example.org", 91);
    await getDb()
      .update(signatures)
      .set({ state: "verified" })
      .where(eq(signatures.email, "old.ip@example.org"));
    await applyRetention(retentionPolicy());
    const [row] = await getDb()
      .select({ ip: signatures.ipAddress, email: signatures.email })
      .from(signatures)
      .where(eq(signatures.email, "old.ip@example.org"));
    expect(row).toEqual({ ip: null, email: "old.ip@example.org" });
  });

  it("erases signers' details a year after a petition closed, keeping an anonymous row", async () => {
    const mailedBefore = await getDb().select({ recipient: outboxMessages.recipient }).from(outboxMessages);
    expect(mailedBefore.map((mail) => mail.recipient)).toContain("new.pending@example.org");
    await getDb()
      .update(petitions)
      .set({ isOpen: false, closesAt: sql`now() - interval '13 months'` })
      .where(eq(petitions.id, petitionId));
    const report = await applyRetention(retentionPolicy());
    expect(report?.erasedSigners).toBeGreaterThan(0);
    const rows = await getDb()
      .select({ email: signatures.email, firstName: signatures.firstName, erasedAt: signatures.erasedAt })
      .from(signatures)
      .where(eq(signatures.petitionId, petitionId));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows)
      expect(row).toMatchObject({ email: null, firstName: null, erasedAt: expect.any(Date) });
    // The outbox kept each confirmation email, with the address and name in it: gone too.
    const mailedAfter = await getDb().select({ recipient: outboxMessages.recipient }).from(outboxMessages);
    expect(mailedAfter.map((mail) => mail.recipient)).not.toContain("new.pending@example.org");
  });
});

const editor: StaffCaller = { id: "editor", email: "editor@example.org", role: "editor" };

/** Every row retention may touch, as stored: a dry run must leave each exactly as it was. */
async function everything() {
  return JSON.stringify([
    await getDb().select().from(signatures).orderBy(asc(signatures.id)),
    await getDb().select().from(pledgeTakers).orderBy(asc(pledgeTakers.id)),
    await getDb().select().from(outboxMessages).orderBy(asc(outboxMessages.id)),
  ]);
}

async function rejectLongAgo(email: string, reason: string) {
  const [row] = await getDb()
    .select({ id: signatures.id })
    .from(signatures)
    .where(eq(signatures.email, email));
  expect(await changeSupporterState(editor, "petition", row!.id, "reject", reason)).toMatchObject({
    result: "done",
  });
  await getDb()
    .update(signatures)
    .set({ rejectedAt: sql`now() - interval '31 days'` })
    .where(eq(signatures.id, row!.id));
  return row!.id;
}

describe("retention of pledges, rejected rows and sent emails", () => {
  let petitionId: string;
  let pledgeId: string;
  let oldRejected: string;
  let heldRejected: string;
  beforeAll(async () => {
    const fresh = await freshDemoPetition();
    petitionId = fresh.id;
    // The audit log names its actors: they must be members.
    await getDb().insert(users).values(editor).onConflictDoNothing();
    await signAs(fresh.slug, "rejected.old@example.org");
    await signAs(fresh.slug, "held.rejected@example.org");
    await signAs(fresh.slug, "rejected.new@example.org");
    await signAs(fresh.slug, "mail.old@example.org");
    await signAs(fresh.slug, "mail.new@example.org");
    // Held back as part of a burst, then rejected by staff: the hold's reason stays for the record.
    await getDb()
      .update(signatures)
      .set({ heldAt: sql`now()`, holdReason: "burst from one address" })
      .where(eq(signatures.email, "held.rejected@example.org"));
    oldRejected = await rejectLongAgo("rejected.old@example.org", "duplicate");
    heldRejected = await rejectLongAgo("held.rejected@example.org", "bot burst");
    const [recent] = await getDb()
      .select({ id: signatures.id })
      .from(signatures)
      .where(eq(signatures.email, "rejected.new@example.org"));
    await changeSupporterState(editor, "petition", recent!.id, "reject", "test entry");

    const taken = await takePledge(
      "do-my-part",
      { ...signer("taker.closed@example.org"), commitments: ["learn-to-report"] },
      { ip: null, source: null, referredBy: null, honeypot: null },
    );
    expect(taken.ok).toBe(true);
    const [pledge] = await getDb()
      .update(pledges)
      .set({ isOpen: false, closesAt: sql`now() - interval '13 months'` })
      .where(eq(pledges.slug, "do-my-part"))
      .returning({ id: pledges.id });
    pledgeId = pledge!.id;

    // One confirmation email handed to the mail server long ago, one just now.
    await getDb()
      .update(outboxMessages)
      .set({ handedAt: sql`now() - interval '31 days'`, sentAt: sql`now() - interval '31 days'` })
      .where(eq(outboxMessages.recipient, "mail.old@example.org"));
    await getDb()
      .update(outboxMessages)
      .set({ handedAt: sql`now()`, sentAt: sql`now()` })
      .where(eq(outboxMessages.recipient, "mail.new@example.org"));
  });
  afterAll(closeDb);

  it("a dry run counts what the next run would change, and changes nothing", async () => {
    const before = await everything();
    const totals = await getTotals("petition", petitionId);
    const report = await applyRetention(retentionPolicy(), { dryRun: true });
    expect(report).toMatchObject({ erasedPledgeTakers: 1, erasedRejected: 2, prunedEmails: 1 });
    expect(await everything()).toBe(before);
    expect(await getTotals("petition", petitionId)).toEqual(totals);
    // Asked again, it says the same: nothing was done the first time.
    expect(await applyRetention(retentionPolicy(), { dryRun: true })).toEqual(report);
  });

  it("the run erases the takers of a pledge closed over a year ago, and the pledge keeps its count", async () => {
    const totals = await getTotals("pledge", pledgeId);
    const report = await applyRetention(retentionPolicy());
    expect(report).toMatchObject({ erasedPledgeTakers: 1, erasedRejected: 2, prunedEmails: 1 });
    const [taker] = await getDb()
      .select({
        email: pledgeTakers.email,
        firstName: pledgeTakers.firstName,
        state: pledgeTakers.state,
        erasedAt: pledgeTakers.erasedAt,
      })
      .from(pledgeTakers)
      .where(eq(pledgeTakers.pledgeId, pledgeId));
    expect(taker).toEqual({ email: null, firstName: null, state: "pending", erasedAt: expect.any(Date) });
    expect(await getTotals("pledge", pledgeId)).toEqual(totals);
    // Its confirmation email, with the address and the name, went with it.
    const mail = await getDb()
      .select({ id: outboxMessages.id })
      .from(outboxMessages)
      .where(eq(outboxMessages.recipient, "taker.closed@example.org"));
    expect(mail).toEqual([]);
    // A second run finds nothing more to do.
    expect(await applyRetention(retentionPolicy())).toMatchObject({
      erasedPledgeTakers: 0,
      erasedRejected: 0,
      prunedEmails: 0,
    });
  });

  it("rejected rows, held ones too, keep only their state, reasons and dates after 30 days", async () => {
    const rows = await getDb()
      .select({
        id: signatures.id,
        email: signatures.email,
        firstName: signatures.firstName,
        lastName: signatures.lastName,
        postalCode: signatures.postalCode,
        state: signatures.state,
        rejectionReason: signatures.rejectionReason,
        holdReason: signatures.holdReason,
        rejectedAt: signatures.rejectedAt,
        createdAt: signatures.createdAt,
      })
      .from(signatures)
      .where(inArray(signatures.id, [oldRejected, heldRejected]));
    const blank = { email: null, firstName: null, lastName: null, postalCode: null, state: "rejected" };
    expect(rows.find((row) => row.id === oldRejected)).toMatchObject({
      ...blank,
      rejectionReason: "duplicate",
      rejectedAt: expect.any(Date),
      createdAt: expect.any(Date),
    });
    expect(rows.find((row) => row.id === heldRejected)).toMatchObject({
      ...blank,
      rejectionReason: "bot burst",
      holdReason: "burst from one address",
      rejectedAt: expect.any(Date),
    });
    // Rejected a moment ago: kept whole, for questions about it.
    const [recent] = await getDb()
      .select({ email: signatures.email })
      .from(signatures)
      .where(eq(signatures.rejectionReason, "test entry"));
    expect(recent).toEqual({ email: "rejected.new@example.org" });
    expect((await getTotals("petition", petitionId)).rejected).toBe(3);
  });

  it("a sent email keeps only what proves its delivery after OUTBOX_RETENTION_DAYS", async () => {
    const columns = {
      id: outboxMessages.id,
      recipient: outboxMessages.recipient,
      recipientHash: outboxMessages.recipientHash,
      template: outboxMessages.template,
      subject: outboxMessages.subject,
      textBody: outboxMessages.textBody,
      htmlBody: outboxMessages.htmlBody,
      metadata: outboxMessages.metadata,
      sentAt: outboxMessages.sentAt,
      handedAt: outboxMessages.handedAt,
      prunedAt: outboxMessages.prunedAt,
    };
    const [pruned] = await getDb()
      .select(columns)
      .from(outboxMessages)
      .where(
        eq(
          outboxMessages.dedupeKey,
          sql`'confirm-signature:' || (select id from signatures where email_canonical = 'mail.old@example.org')`,
        ),
      );
    // The address is gone; a keyed hash of it lets staff answer "did you write to me?".
    const hash = createHash("sha256")
      .update(`${retentionPolicy().recipientHashKey}:outbox-recipient:mail.old@example.org`)
      .digest("hex");
    expect(pruned).toEqual({
      id: expect.any(String),
      recipient: "",
      recipientHash: hash,
      template: "confirm-petition",
      subject: "",
      textBody: "",
      htmlBody: null,
      metadata: {},
      sentAt: expect.any(Date),
      handedAt: expect.any(Date),
      prunedAt: expect.any(Date),
    });
    const [recent] = await getDb()
      .select(columns)
      .from(outboxMessages)
      .where(eq(outboxMessages.recipient, "mail.new@example.org"));
    expect(recent).toMatchObject({ recipientHash: null, prunedAt: null });
    expect(recent!.textBody).toContain("/confirm/");
  });
});

// On an embedded database of its own whatever the pass: once, in the embedded pass, is enough.
describe.skipIf(pickDriver(testEnv()) !== "pglite")("npm run retention", () => {
  beforeAll(() => ensureCliBuild(), 600_000);
  it("prints what a run would change with --dry-run and changes nothing; without it, runs", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "upstand-retention-"));
    const subjectOf = async () => {
      const database = openPglite(path.join(dataDir, "pglite"));
      try {
        const [mail] = await database.db.select({ subject: outboxMessages.subject }).from(outboxMessages);
        return mail!.subject;
      } finally {
        await database.close();
      }
    };
    try {
      const database = openPglite(path.join(dataDir, "pglite"));
      await database.migrate(MIGRATIONS_FOLDER);
      await seedDemoCampaign(database.db);
      await database.db.insert(outboxMessages).values({
        dedupeKey: "cli-retention:1",
        recipient: "cli.reader@example.org",
        template: "confirm-petition",
        subject: "Confirm your signature",
        textBody: "Hello Ada",
        sentAt: sql`now() - interval '40 days'`,
      });
      await database.close();
      const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", VERCEL: "", POSTGRES_URL: "" };

      const dry = await runCli("retention", ["--dry-run"], env);
      expect(dry.code).toBe(0);
      expect(dry.output).toContain("Dry run: the next run would change (nothing was changed):");
      expect(dry.output).toMatch(/^\s+1 {2}sent emails pruned to their delivery record/m);
      expect(dry.output).not.toContain("cli.reader@example.org");
      expect(await subjectOf()).toBe("Confirm your signature");

      const run = await runCli("retention", [], env);
      expect(run.output).toContain("Retention applied:");
      expect(run.output).toMatch(/^\s+1 {2}sent emails pruned to their delivery record/m);
      expect(await subjectOf()).toBe("");
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

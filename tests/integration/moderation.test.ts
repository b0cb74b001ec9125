import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import { DEMO_PETITION } from "@/db/demo-campaign";
import { getTotals } from "@/db/queries/counts";
import { exportSupporters } from "@/db/queries/exports";
import {
  getSupporter,
  previewBulkRule,
  searchSupporters,
  SEARCH_PAGE_SIZE,
  type BulkRule,
  type SupporterSearch,
} from "@/db/queries/moderation";
import { changeSupporterState, eraseSupporter, rejectByRule } from "@/db/queries/moderation-changes";
import { getPledgeTotals } from "@/db/queries/pledges";
import { reconcileCounts } from "@/db/queries/reconcile";
import { redeemSupportToken } from "@/db/queries/support-tokens";
import { auditLog, outboxMessages, petitions, pledgeTakers, signatures, users } from "@/db/schema";
import { NotAllowedError, type StaffCaller } from "@/lib/domain/roles";
import { takePledge } from "@/lib/signing/pledging";
import { hashToken } from "@/lib/signing/tokens";
import { confirmTokenFor, freshDemoPetition, signAs, signer } from "../helpers/signing";

const editor: StaffCaller = { id: "editor", email: "editor@example.org", role: "editor" };
const otherEditor: StaffCaller = { id: "other-editor", email: "other.editor@example.org", role: "editor" };
const viewer: StaffCaller = { id: "viewer", email: "viewer@example.org", role: "viewer" };
const admin: StaffCaller = { id: "admin", email: "admin@example.org", role: "admin" };

let slug: string;
let petitionId: string;

async function idOf(email: string): Promise<string> {
  const [row] = await getDb()
    .select({ id: signatures.id })
    .from(signatures)
    .where(eq(signatures.email, email));
  return row!.id;
}

/** Signs, and confirms through the emailed link unless told not to; returns the signature's id. */
async function sign(
  email: string,
  context: { ip?: string; source?: string } = {},
  isConfirmed = true,
): Promise<string> {
  expect((await signAs(slug, email, { ip: context.ip ?? null, source: context.source ?? null })).ok).toBe(
    true,
  );
  if (isConfirmed)
    expect(
      (await redeemSupportToken("petition", hashToken(await confirmTokenFor(email)), "confirm")).result,
    ).toBe("done");
  return idOf(email);
}

const totals = () => getTotals("petition", petitionId);
const auditOf = (subjectId: string) =>
  getDb()
    .select({
      action: auditLog.action,
      actorEmail: auditLog.actorEmail,
      details: auditLog.details,
      rowCount: auditLog.rowCount,
    })
    .from(auditLog)
    .where(eq(auditLog.subjectId, subjectId));

/** The audit log names its actors: they must be members. */
async function addStaff() {
  await getDb()
    .insert(users)
    .values([editor, otherEditor, viewer, admin].map(({ id, email, role }) => ({ id, email, role })))
    .onConflictDoNothing();
}

describe("moderating signatures", () => {
  beforeAll(async () => {
    ({ slug, id: petitionId } = await freshDemoPetition());
    await addStaff();
  });
  afterAll(closeDb);

  it("rejects and restores with a reason, the totals following, each back to the state it had", async () => {
    const verified = await sign("verified.person@example.org");
    const pending = await sign("pending.person@example.org", {}, false);
    const before = await totals();

    expect(
      await changeSupporterState(editor, "petition", verified, "reject", "duplicate under another address"),
    ).toMatchObject({ result: "done", to: "rejected" });
    expect(await changeSupporterState(editor, "petition", pending, "reject", "test entry")).toMatchObject({
      result: "done",
      to: "rejected",
    });
    expect(await totals()).toEqual({
      ...before,
      verified: before.verified - 1,
      pending: before.pending - 1,
      rejected: before.rejected + 2,
    });
    const [rejected] = await getDb()
      .select({ reason: signatures.rejectionReason })
      .from(signatures)
      .where(eq(signatures.id, verified));
    expect(rejected?.reason).toBe("duplicate under another address");

    expect(
      await changeSupporterState(editor, "petition", verified, "restore", "it was a real person after all"),
    ).toMatchObject({ result: "done", to: "verified" });
    expect(await changeSupporterState(editor, "petition", pending, "restore", "mistake")).toMatchObject({
      result: "done",
      to: "pending",
    });
    expect(await totals()).toEqual(before);
    expect((await reconcileCounts())!.drift).toEqual([]);

    expect((await auditOf(verified)).filter((entry) => entry.action !== "supporter.read")).toEqual([
      {
        action: "supporter.reject",
        actorEmail: editor.email,
        details: { reason: "duplicate under another address", from: "verified", to: "rejected" },
        rowCount: 1,
      },
      {
        action: "supporter.restore",
        actorEmail: editor.email,
        details: { reason: "it was a real person after all", from: "rejected", to: "verified" },
        rowCount: 1,
      },
    ]);
  });

  it("counts a rejection once when two editors press Reject at the same moment", async () => {
    const id = await sign("twice.rejected@example.org");
    const before = await totals();
    const outcomes = await Promise.all([
      changeSupporterState(editor, "petition", id, "reject", "spam"),
      changeSupporterState(otherEditor, "petition", id, "reject", "spam"),
      changeSupporterState(editor, "petition", id, "reject", "spam"),
    ]);
    expect(outcomes.filter((outcome) => outcome.result === "done")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.result === "not-allowed")).toHaveLength(2);
    expect(await totals()).toEqual({
      ...before,
      verified: before.verified - 1,
      rejected: before.rejected + 1,
    });
    expect((await auditOf(id)).filter((entry) => entry.action === "supporter.reject")).toHaveLength(1);
  });

  it("will not restore a signature turned away at signing (before holds existed), which never had a confirmation link", async () => {
    // How the per-address limit stored a turned-away signature until it began holding them instead.
    const [turnedAwayRow] = await getDb()
      .insert(signatures)
      .values({
        firstName: "Second",
        lastName: "Office",
        email: "second.from.office@example.org",
        country: "GB",
        petitionId,
        emailCanonical: null,
        state: "rejected",
        rejectionReason: "rate limit: too many signatures from one IP address",
        rejectedAt: new Date(),
        privacyNoticeVersion: "test",
        privacyAcceptedAt: new Date(),
        referralCode: "turned-away-before-holds",
      })
      .returning({ id: signatures.id });
    await reconcileCounts();
    const turnedAway = turnedAwayRow!.id;
    const before = await totals();
    expect(await changeSupporterState(editor, "petition", turnedAway, "restore", "same office")).toEqual({
      result: "not-allowed",
      state: "rejected",
      wasTurnedAway: true,
    });
    expect(await totals()).toEqual(before);
    expect(
      await changeSupporterState(
        editor,
        "petition",
        "00000000-0000-4000-8000-000000000000",
        "reject",
        "gone",
      ),
    ).toEqual({ result: "not-found" });
  });

  it("erases a person's name, email, IP address and postcode for good, keeping their place in the count", async () => {
    const id = await sign("erase.me@example.org", { ip: "192.0.2.44" });
    const before = await totals();
    expect(await eraseSupporter(editor, "petition", id, "asked by email on 3 May")).toEqual({ slug });

    const [row] = await getDb()
      .select({
        firstName: signatures.firstName,
        lastName: signatures.lastName,
        email: signatures.email,
        emailCanonical: signatures.emailCanonical,
        postalCode: signatures.postalCode,
        ip: signatures.ipAddress,
        state: signatures.state,
      })
      .from(signatures)
      .where(eq(signatures.id, id));
    expect(row).toEqual({
      firstName: null,
      lastName: null,
      email: null,
      emailCanonical: null,
      postalCode: null,
      ip: null,
      state: "verified",
    });
    expect(await totals()).toEqual(before);
    expect(
      await getDb()
        .select({ id: outboxMessages.id })
        .from(outboxMessages)
        .where(eq(outboxMessages.recipient, "erase.me@example.org")),
    ).toEqual([]);
    const exported: { email: string | null }[] = [];
    for await (const batch of exportSupporters(
      admin,
      { kind: "petition", parentId: petitionId, optedInOnly: false },
      "jsonl",
    )) {
      exported.push(
        ...batch.text
          .trimEnd()
          .split("\n")
          .map((line) => JSON.parse(line) as { email: string | null }),
      );
    }
    expect(exported.length).toBeGreaterThan(0);
    expect(exported.some((person) => person.email === "erase.me@example.org" || person.email === null)).toBe(
      false,
    );
    expect((await searchSupporters(editor, { kind: "petition", email: "erase.me" })).rows).toEqual([]);
    expect(await getSupporter(editor, "petition", id)).toMatchObject({
      isErased: true,
      firstName: null,
      email: null,
      state: "verified",
    });
    expect(await eraseSupporter(editor, "petition", id, "again")).toBeNull();
    expect((await auditOf(id)).filter((entry) => entry.action === "supporter.erase")).toEqual([
      {
        action: "supporter.erase",
        actorEmail: editor.email,
        details: { reason: "asked by email on 3 May" },
        rowCount: 1,
      },
    ]);
  });

  it("searches by name, email, source, IP range, state and date, newest first", async () => {
    await sign("grace.search@example.org", { ip: "203.0.113.77", source: "newsletter-may" });
    await sign("other.search@example.org", { ip: "192.0.2.200", source: "facebook" }, false);
    const emailsOf = async (search: Partial<SupporterSearch>) =>
      (await searchSupporters(editor, { kind: "petition", slug, ...search })).rows.map((row) => row.email);

    expect(await emailsOf({ name: "ADA LOVE" })).toContain("grace.search@example.org");
    expect(await emailsOf({ email: "GRACE.SEARCH" })).toEqual(["grace.search@example.org"]);
    expect(await emailsOf({ source: "newsletter" })).toEqual(["grace.search@example.org"]);
    expect(await emailsOf({ ip: "203.0.113.0/24" })).toEqual(["grace.search@example.org"]);
    expect(await emailsOf({ ip: "192.0.2.200" })).toEqual(["other.search@example.org"]);
    expect(await emailsOf({ email: "search@", state: "pending" })).toEqual(["other.search@example.org"]);
    expect(await emailsOf({ email: "search@", from: "2000-01-01", to: "2000-12-31" })).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect(await emailsOf({ email: "search@", from: today, to: today })).toEqual([
      "other.search@example.org",
      "grace.search@example.org",
    ]);
    expect(await emailsOf({ email: "100%" })).toEqual([]);

    const searches = await getDb()
      .select({ details: auditLog.details, rowCount: auditLog.rowCount })
      .from(auditLog)
      .where(eq(auditLog.action, "supporters.search"));
    expect(searches).toContainEqual({
      details: { kind: "petition", slug, email: "GRACE.SEARCH", page: "first" },
      rowCount: 1,
    });
  });

  it("pages through every petition's signatures newest first, each row once", async () => {
    const [demo] = await getDb()
      .select({ campaignId: petitions.campaignId })
      .from(petitions)
      .where(eq(petitions.id, petitionId));
    await getDb()
      .insert(petitions)
      .values({
        ...DEMO_PETITION,
        slug: "second-petition",
        title: "A second petition",
        campaignId: demo!.campaignId,
      });
    for (let i = 0; i < SEARCH_PAGE_SIZE + 5; i++) {
      await signAs(i % 2 ? slug : "second-petition", `page-${i}@example.org`);
    }
    const seen: string[] = [];
    let after: { createdAt: string; id: string } | undefined;
    for (let page = 0; page < 10; page++) {
      const result = await searchSupporters(editor, { kind: "petition", email: "page-", after });
      seen.push(...result.rows.map((row) => row.email!));
      if (!result.next) break;
      const [createdAt, id] = result.next.split("_");
      after = { createdAt: createdAt!, id: id! };
    }
    expect(seen).toEqual(
      Array.from({ length: SEARCH_PAGE_SIZE + 5 }, (_, i) => `page-${SEARCH_PAGE_SIZE + 4 - i}@example.org`),
    );
  });

  it("rejects in bulk exactly the rows the preview counted, and refuses a stale preview", async () => {
    for (let i = 1; i <= 4; i++)
      await sign(`bot-${i}@spam.example`, { ip: `203.0.113.${100 + i}` }, i % 2 === 0);
    await sign("neighbour@example.org", { ip: "203.0.114.1" });
    const window = {
      from: new Date(Date.now() - 3_600_000).toISOString(),
      to: new Date(Date.now() + 3_600_000).toISOString(),
    };
    const byIp: BulkRule = { kind: "petition", slug, ip: "203.0.113.96/27", ...window };

    const preview = await previewBulkRule(editor, byIp);
    expect(preview?.count).toBe(4);
    expect(preview?.sample.map((row) => row.email).sort()).toEqual([
      "bot-1@spam.example",
      "bot-2@spam.example",
      "bot-3@spam.example",
      "bot-4@spam.example",
    ]);

    await sign("bot-5@spam.example", { ip: "203.0.113.105" }, false);
    const before = await totals();
    expect(await rejectByRule(editor, byIp, 4, "one bot, many addresses")).toEqual({
      result: "changed",
      count: 5,
    });
    expect(await totals()).toEqual(before);

    expect(await rejectByRule(editor, byIp, 5, "one bot, many addresses")).toEqual({
      result: "done",
      rejected: 5,
    });
    expect(await totals()).toEqual({
      ...before,
      verified: before.verified - 2,
      pending: before.pending - 3,
      rejected: before.rejected + 5,
    });
    const [neighbour] = await getDb()
      .select({ state: signatures.state })
      .from(signatures)
      .where(eq(signatures.email, "neighbour@example.org"));
    expect(neighbour?.state).toBe("verified");
    expect((await previewBulkRule(editor, byIp))?.count).toBe(0);

    const [entry] = await getDb()
      .select({ details: auditLog.details, rowCount: auditLog.rowCount })
      .from(auditLog)
      .where(eq(auditLog.action, "supporters.bulk-reject"));
    expect(entry).toEqual({
      details: { rule: byIp, reason: "one bot, many addresses", byState: { pending: 3, verified: 2 } },
      rowCount: 5,
    });
  });

  it("matches a bulk rule's email domain on the canonical address, inside its window only", async () => {
    await sign("someone@Mail.Example");
    await sign("late@mail.example");
    await getDb()
      .update(signatures)
      .set({ createdAt: sql`now() - interval '2 days'` })
      .where(eq(signatures.email, "late@mail.example"));
    const rule: BulkRule = {
      kind: "petition",
      slug,
      domain: "mail.example",
      from: new Date(Date.now() - 3_600_000).toISOString(),
      to: new Date(Date.now() + 60_000).toISOString(),
    };
    expect((await previewBulkRule(editor, rule))?.count).toBe(1);
    expect(await rejectByRule(editor, rule, 1, "throwaway domain")).toEqual({ result: "done", rejected: 1 });
    const rows = await getDb()
      .select({ email: signatures.email, state: signatures.state })
      .from(signatures)
      .where(inArray(signatures.email, ["someone@Mail.Example", "late@mail.example"]));
    expect(rows.sort((a, b) => a.email!.localeCompare(b.email!))).toEqual([
      { email: "late@mail.example", state: "verified" },
      { email: "someone@Mail.Example", state: "rejected" },
    ]);
  });

  it("refuses a viewer at the query layer, before any row is read or changed", async () => {
    const id = await sign("viewer.target@example.org");
    const before = await totals();
    const rule: BulkRule = {
      kind: "petition",
      slug,
      ip: "0.0.0.0/0",
      from: "2000-01-01T00:00:00Z",
      to: "2100-01-01T00:00:00Z",
    };
    for (const attempt of [
      () => searchSupporters(viewer, { kind: "petition" }),
      () => getSupporter(viewer, "petition", id),
      () => previewBulkRule(viewer, rule),
      () => changeSupporterState(viewer, "petition", id, "reject", "no"),
      () => eraseSupporter(viewer, "petition", id, "no"),
      () => rejectByRule(viewer, rule, 1, "no"),
    ]) {
      await expect(attempt()).rejects.toBeInstanceOf(NotAllowedError);
    }
    expect(await totals()).toEqual(before);
    expect(await getSupporter(editor, "petition", id)).toMatchObject({
      email: "viewer.target@example.org",
      state: "verified",
    });
    expect(
      await getDb().select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.actorId, viewer.id)),
    ).toEqual([]);
  });
});

describe("moderating pledge takers", () => {
  beforeAll(async () => {
    await freshDemoPetition();
    await addStaff();
  });
  afterAll(closeDb);

  it("moves a taker's commitments with them when rejected and restored", async () => {
    const context = { ip: null, source: null, referredBy: null, honeypot: null };
    expect(
      (
        await takePledge(
          "do-my-part",
          { ...signer("taker@example.org"), commitments: ["learn-to-report"] },
          context,
        )
      ).ok,
    ).toBe(true);
    const [taker] = await getDb()
      .select({ id: pledgeTakers.id })
      .from(pledgeTakers)
      .where(and(eq(pledgeTakers.email, "taker@example.org")));
    expect(
      (await redeemSupportToken("pledge", hashToken(await confirmTokenFor("taker@example.org")), "confirm"))
        .result,
    ).toBe("done");
    const commitment = async () =>
      (await getPledgeTotals("do-my-part"))!.commitments.find((c) => c.slug === "learn-to-report")!.verified;
    expect(await commitment()).toBe(1);

    expect((await changeSupporterState(editor, "pledge", taker!.id, "reject", "spam")).result).toBe("done");
    expect(await commitment()).toBe(0);
    expect((await getPledgeTotals("do-my-part"))!.verified).toBe(0);
    expect((await changeSupporterState(editor, "pledge", taker!.id, "restore", "not spam")).result).toBe(
      "done",
    );
    expect(await commitment()).toBe(1);
    expect(
      (await searchSupporters(editor, { kind: "pledge", email: "taker@" })).rows.map((row) => row.state),
    ).toEqual(["verified"]);
    expect((await reconcileCounts())!.drift).toEqual([]);
  });
});

import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import {
  getIntegrityProof,
  getReceiptForConfirmToken,
  listIntegrityRoots,
  receiptsForEmail,
} from "@/db/queries/integrity-reads";
import { getIntegrityReport } from "@/db/queries/integrity-report";
import {
  publishDailyIntegrityRoots,
  publishIntegrityRoot,
  publishIntegrityRootNow,
} from "@/db/queries/integrity";
import { changeSupporterState, eraseSupporter } from "@/db/queries/moderation-changes";
import { redeemSupportToken } from "@/db/queries/support-tokens";
import { integrityRootChunks, integrityRoots, signatureReceipts, signatures, users } from "@/db/schema";
import type { StaffCaller } from "@/lib/domain/roles";
import { hashToken } from "@/lib/signing/tokens";
import { checkProof, sha256 } from "../helpers/merkle-check";
import { confirmTokenFor, freshDemoPetition, signAs } from "../helpers/signing";

const run = randomUUID().slice(0, 8);
const editor: StaffCaller = {
  id: `integrity-${run}`,
  email: `integrity-${run}@staff.example`,
  role: "editor",
};
const emails = Array.from({ length: 7 }, (_, i) => `integrity-${run}-${i}@example.org`);
let slug = "";
let petitionId = "";

async function countedNow(): Promise<number> {
  const [row] = await getDb()
    .select({ n: sql<number>`count(*)::int` })
    .from(signatures)
    .where(
      and(
        eq(signatures.petitionId, petitionId),
        eq(signatures.state, "verified"),
        isNull(signatures.erasedAt),
      ),
    );
  return row!.n;
}

/** The ids of this petition's roots that still hold leaves. */
async function rootsWithLeaves(): Promise<string[]> {
  const rows = await getDb()
    .selectDistinct({ id: integrityRootChunks.rootId })
    .from(integrityRootChunks)
    .innerJoin(integrityRoots, eq(integrityRoots.id, integrityRootChunks.rootId))
    .where(eq(integrityRoots.petitionId, petitionId));
  return rows.map((row) => row.id);
}

beforeAll(async () => {
  ({ slug, id: petitionId } = await freshDemoPetition());
  await getDb().insert(users).values({ id: editor.id, email: editor.email, role: editor.role });
  for (const email of emails) {
    await signAs(slug, email);
    await redeemSupportToken("petition", hashToken(await confirmTokenFor(email)), "confirm");
  }
});

afterAll(async () => {
  await closeDb();
});

describe("integrity roots", () => {
  it("gives each confirmed signer a receipt whose hash is its leaf, and commits to every counted signature", async () => {
    const receipts = await Promise.all(
      emails.map(async (email) => getReceiptForConfirmToken(hashToken(await confirmTokenFor(email)))),
    );
    for (const receipt of receipts) {
      expect(receipt!.receipt).toMatch(/^[0-9a-f]{64}$/);
      expect(sha256(Buffer.from(receipt!.receipt, "hex")).toString("hex")).toBe(receipt!.leaf);
    }
    const published = await publishIntegrityRootNow(editor, petitionId);
    expect(published!.leafCount).toBe(await countedNow());
    expect(published!.leafCount).toBeGreaterThanOrEqual(emails.length);
    for (const receipt of receipts) {
      const proof = (await getIntegrityProof(slug, receipt!.leaf))!;
      expect(proof.included).toBe(true);
      expect(proof.root!.count).toBe(published!.leafCount);
      expect(checkProof(proof.leaf, proof.index!, proof.root!.count, proof.siblings!, proof.root!.root)).toBe(
        true,
      );
      // A proof against another leaf's position fails.
      expect(
        checkProof(
          proof.leaf,
          (proof.index! + 1) % proof.root!.count,
          proof.root!.count,
          proof.siblings!,
          proof.root!.root,
        ),
      ).toBe(proof.root!.count === 1);
    }
  });

  it("leaves a withdrawn and an erased signature out of the next root, which still matches the count", async () => {
    const [withdrawn, erased] = await Promise.all(
      emails
        .slice(0, 2)
        .map(async (email) => (await getReceiptForConfirmToken(hashToken(await confirmTokenFor(email))))!),
    );
    const before = (await listIntegrityRoots(slug))!.roots[0]!;
    const [withdrawMail] = await getDb()
      .execute<{ text_body: string }>(
        sql`select text_body from outbox_messages where recipient = ${emails[0]} and text_body like '%/withdraw/%' limit 1`,
      )
      .then((result) => result.rows);
    const withdrawToken = /\/withdraw\/([\w-]+)/.exec(withdrawMail!.text_body)![1]!;
    expect((await redeemSupportToken("petition", hashToken(withdrawToken), "withdraw")).result).toBe("done");
    const [erasedRow] = await getDb()
      .select({ id: signatures.id })
      .from(signatures)
      .where(eq(signatures.email, emails[1]!));
    expect(await eraseSupporter(editor, "petition", erasedRow!.id, "Asked by email")).not.toBeNull();

    // Erasure blanks the secret and keeps the leaf, so the earlier root can still be rebuilt.
    const [kept] = await getDb()
      .select({ receipt: signatureReceipts.receipt, leaf: signatureReceipts.leafHash })
      .from(signatureReceipts)
      .where(eq(signatureReceipts.signatureId, erasedRow!.id));
    expect(kept!.receipt).toBeNull();
    expect(kept!.leaf.toString("hex")).toBe(erased!.leaf);
    expect(await receiptsForEmail(emails[1]!)).toEqual([]);

    const after = (await publishIntegrityRootNow(editor, petitionId))!;
    expect(after.leafCount).toBe(before.count - 2);
    expect(after.leafCount).toBe(await countedNow());
    for (const gone of [withdrawn, erased]) {
      const proof = (await getIntegrityProof(slug, gone!.leaf))!;
      expect(proof.root!.root).toBe(after.rootHash);
      expect(proof.included).toBe(false);
    }
    const still = (await getIntegrityProof(slug, (await receiptsForEmail(emails[2]!))[0]!.leaf))!;
    expect(checkProof(still.leaf, still.index!, still.root!.count, still.siblings!, after.rootHash)).toBe(
      true,
    );
    const roots = (await listIntegrityRoots(slug))!.roots;
    expect(roots.slice(0, 2).map((root) => root.count)).toEqual([after.leafCount, before.count]);
    // Only the latest root's leaves are kept; the earlier one keeps its hash and count (above).
    expect(await rootsWithLeaves()).toEqual([after.id]);
  });

  it("publishes one daily root per petition per day however many instances try at once", async () => {
    const day = new Date("2031-05-04T08:00:00Z");
    const tries = await Promise.all(
      [1, 2, 3, 4].map(() => publishIntegrityRoot(petitionId, { reason: "daily", day: "2031-05-04" })),
    );
    expect(tries.filter(Boolean)).toHaveLength(1);
    await publishDailyIntegrityRoots(day);
    const [row] = await getDb()
      .execute<{ n: number }>(
        sql`select count(*)::int as n from integrity_roots where petition_id = ${petitionId} and scheduled_day = '2031-05-04'`,
      )
      .then((result) => result.rows);
    expect(row!.n).toBe(1);
    // Nothing changed since the root before: the daily one reads that root's leaves, still kept.
    const [daily] = (await listIntegrityRoots(slug))!.roots;
    const proof = (await getIntegrityProof(slug, (await receiptsForEmail(emails[2]!))[0]!.leaf))!;
    expect(proof.root!.root).toBe(daily!.root);
    expect(checkProof(proof.leaf, proof.index!, proof.root!.count, proof.siblings!, daily!.root)).toBe(true);
    expect(await rootsWithLeaves()).toHaveLength(1);
  });

  it("shows the totals by state and day, with the reasons for rejection", async () => {
    // Rejected by staff with words that name someone: the public page says only how.
    const rejected = `integrity-${run}-rejected@example.org`;
    await signAs(slug, rejected);
    const [row] = await getDb()
      .select({ id: signatures.id })
      .from(signatures)
      .where(eq(signatures.email, rejected));
    expect(
      await changeSupporterState(editor, "petition", row!.id, "reject", "Duplicate of Jane Roe's signature"),
    ).toMatchObject({ result: "done" });
    const report = (await getIntegrityReport(slug))!;
    expect(report.reasons).toContainEqual({ category: "review", count: 1 });
    expect(JSON.stringify(report)).not.toContain("Jane Roe");
    expect(report.totals.withdrawn).toBeGreaterThanOrEqual(1);
    expect(report.totals.verified - report.totals.erased).toBe(await countedNow());
    const today = new Date().toISOString().slice(0, 10);
    expect(report.days.find((day) => day.day === today)!.verified).toBeGreaterThanOrEqual(emails.length - 1);
  });
});

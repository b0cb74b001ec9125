import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "@/db";
import { decideComment, listCommentsForReview, reportComment } from "@/db/queries/comments";
import { getPetitionTotals } from "@/db/queries/petitions";
import { applyRetention } from "@/db/queries/retention";
import { listRecentPublicSigners } from "@/db/queries/signatures";
import { redeemSupportToken } from "@/db/queries/support-tokens";
import { auditLog, commentReports, petitions, signatures, users } from "@/db/schema";
import { handleReportRequest } from "@/lib/api/report-request";
import { handleSupportRequest } from "@/lib/api/support-request";
import { NotAllowedError, type StaffCaller } from "@/lib/domain/roles";
import { retentionPolicy } from "@/lib/jobs/retention";
import { signPetition } from "@/lib/signing/signing";
import { hashToken } from "@/lib/signing/tokens";
import { confirmTokenFor, freshDemoPetition, signer } from "../helpers/signing";

// Readers report comments (one report per address per comment), enough different reporters hide
// one until staff keep or remove it, and a petition can have every comment approved first.
vi.hoisted(() => vi.stubEnv("TRUSTED_PROXY_HEADER", "x-real-ip"));

const editor: StaffCaller = { id: "comments-editor", email: "comments-editor@example.org", role: "editor" };
const viewer: StaffCaller = { id: "comments-viewer", email: "comments-viewer@example.org", role: "viewer" };
const THRESHOLD = 3;

let slug: string;
let petitionId: string;

/** Signs publicly with a comment, confirms, and returns the comment's id. */
async function commentAs(email: string, comment: string, isPublic = true): Promise<string> {
  const signed = await signPetition(
    slug,
    { ...signer(email), comment, isPublic },
    { ip: null, source: null, referredBy: null, honeypot: null },
  );
  expect(signed.ok).toBe(true);
  const token = await confirmTokenFor(email);
  expect((await redeemSupportToken("petition", hashToken(token), "confirm")).result).toBe("done");
  const [row] = await getDb()
    .select({ id: signatures.id })
    .from(signatures)
    .where(eq(signatures.email, email));
  return row!.id;
}

/**
 * The comments the public reads now, from the page's query; the totals that the JSON API and the
 * live feed send carry the same recent ones.
 */
async function publicComments(): Promise<(string | null)[]> {
  const [page, totals] = await Promise.all([
    listRecentPublicSigners(petitionId, 100),
    getPetitionTotals(slug, { fresh: true }),
  ]);
  const fromTotals = totals!.recentSigners.map((signer) => signer.comment);
  expect(
    page
      .slice(0, 10)
      .map((signer) => signer.comment)
      .sort(),
  ).toEqual(fromTotals.sort());
  return page.map((signer) => signer.comment);
}

const reportFrom = (commentId: string, ip: string) =>
  handleReportRequest(
    new Request(`http://localhost/api/comments/${commentId}/reports`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Real-IP": ip },
      body: "{}",
    }),
    commentId,
  );

describe("comment moderation", () => {
  beforeAll(async () => {
    ({ slug, id: petitionId } = await freshDemoPetition());
    await getDb()
      .insert(users)
      .values([
        { id: editor.id, email: editor.email, role: editor.role },
        { id: viewer.id, email: viewer.email, role: viewer.role },
      ])
      .onConflictDoNothing();
  });
  afterAll(async () => {
    await closeDb();
    vi.unstubAllEnvs();
  });

  it("hides a comment only once enough different addresses report it, however often one reports", async () => {
    const id = await commentAs("reported@example.org", "A comment some readers dislike");
    expect(await publicComments()).toContain("A comment some readers dislike");

    // One address, many times (an IPv6 network counts as one: any address in its /64).
    for (const ip of ["2001:db8:1:2::1", "2001:db8:1:2::ffff", "2001:db8:1:2:abcd::9", "2001:db8:1:2::1"]) {
      const answer = await reportFrom(id, ip);
      expect(answer.status).toBe(202);
      expect(await answer.json()).toEqual({ ok: true, data: { outcome: "counted" } });
    }
    expect(await reportFrom(id, "198.51.100.7").then((answer) => answer.json())).toMatchObject({
      data: { outcome: "counted" },
    });
    expect(await publicComments()).toContain("A comment some readers dislike");
    const stored = await getDb().select().from(commentReports).where(eq(commentReports.signatureId, id));
    expect(stored).toHaveLength(2);
    // Never the address itself.
    expect(JSON.stringify(stored)).not.toMatch(/2001|198\.51/);

    expect(await reportFrom(id, "203.0.113.9").then((answer) => answer.json())).toMatchObject({
      data: { outcome: "hidden" },
    });
    expect(await publicComments()).not.toContain("A comment some readers dislike");
    const [signerShown] = (await listRecentPublicSigners(petitionId, 100)).filter(
      (row) => row.firstName === "Ada" && row.comment === null,
    );
    // The signer is still listed; only the comment and what reports it are gone.
    expect(signerShown).toMatchObject({ comment: null, commentId: null });
    const again = await reportFrom(id, "203.0.113.10");
    expect(again.status).toBe(404);
    expect(await again.json()).toMatchObject({ ok: false, formError: expect.any(String) });

    expect(await listCommentsForReview(editor)).toContainEqual(
      expect.objectContaining({ id, why: "reported", reports: THRESHOLD, signer: "Ada L." }),
    );
  });

  it("shows a kept comment again, and further reports do not hide it; audited with its petition", async () => {
    const id = await commentAs("kept@example.org", "A comment staff keep");
    for (const hash of ["a", "b", "c"]) await reportComment(id, hash, THRESHOLD);
    expect(await publicComments()).not.toContain("A comment staff keep");

    expect(await decideComment(editor, id, "keep")).toEqual({ petitionSlug: slug });
    expect(await publicComments()).toContain("A comment staff keep");
    expect(await getDb().select().from(commentReports).where(eq(commentReports.signatureId, id))).toEqual([]);
    for (const hash of ["d", "e", "f", "g"]) expect(await reportComment(id, hash, THRESHOLD)).toBe("kept");
    expect(await publicComments()).toContain("A comment staff keep");
    // Decided once: deciding again changes nothing.
    expect(await decideComment(editor, id, "remove")).toBeNull();

    const [entry] = await getDb()
      .select()
      .from(auditLog)
      .where(sql`${auditLog.subjectId} = ${id} and ${auditLog.action} = 'comment.keep'`);
    expect(entry).toMatchObject({
      actorEmail: editor.email,
      subjectType: "petition",
      details: { petition: slug, was: "hidden by reports", reports: 3 },
    });
  });

  it("keeps a removed comment off every public view for good", async () => {
    const id = await commentAs("removed@example.org", "A comment staff remove");
    for (const hash of ["a", "b", "c"]) await reportComment(id, hash, THRESHOLD);
    expect(await decideComment(editor, id, "remove")).toEqual({ petitionSlug: slug });
    expect(await publicComments()).not.toContain("A comment staff remove");
    expect(await reportComment(id, "z", THRESHOLD)).toBe("not-shown");
    expect((await listCommentsForReview(editor)).map((comment) => comment.id)).not.toContain(id);
    const entries = await getDb()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.subjectId, id));
    expect(entries).toEqual([{ action: "comment.remove" }]);
  });

  it("with pre-moderation, shows no comment until an editor approves it", async () => {
    const earlier = await commentAs("earlier@example.org", "Shown before review was turned on");
    await getDb().update(petitions).set({ reviewsComments: true }).where(eq(petitions.id, petitionId));
    const id = await commentAs("premoderated@example.org", "Waiting for an editor");
    await commentAs("private@example.org", "Never shown: its signer is not public", false);
    const shown = await publicComments();
    expect(shown).not.toContain("Waiting for an editor");
    expect(shown).not.toContain("Shown before review was turned on");
    expect(shown).toContain("A comment staff keep");

    const queue = await listCommentsForReview(editor);
    expect(queue).toContainEqual(expect.objectContaining({ id, why: "awaiting", reports: 0 }));
    expect(queue.map((comment) => comment.comment)).not.toContain("Never shown: its signer is not public");
    // Not shown, so not reportable.
    expect(await reportComment(id, "a", THRESHOLD)).toBe("not-shown");

    expect(await decideComment(editor, id, "keep")).toEqual({ petitionSlug: slug });
    expect(await publicComments()).toContain("Waiting for an editor");
    expect(await decideComment(editor, earlier, "remove")).toEqual({ petitionSlug: slug });
    await getDb().update(petitions).set({ reviewsComments: false }).where(eq(petitions.id, petitionId));
    expect(await publicComments()).not.toContain("Shown before review was turned on");
  });

  it("lets only editors and admins see or decide the queue", async () => {
    await expect(listCommentsForReview(viewer)).rejects.toThrow(NotAllowedError);
    const id = await commentAs("viewer.try@example.org", "A comment a viewer cannot touch");
    await expect(decideComment(viewer, id, "remove")).rejects.toThrow(NotAllowedError);
    expect(await publicComments()).toContain("A comment a viewer cannot touch");
  });

  it("forgets reports once they are older than IP addresses are kept", async () => {
    const id = await commentAs("old.report@example.org", "A comment reported long ago");
    await reportComment(id, "old", THRESHOLD);
    await reportComment(id, "new", THRESHOLD);
    await getDb()
      .update(commentReports)
      .set({ createdAt: sql`now() - make_interval(days => ${retentionPolicy().ipDays + 1})` })
      .where(eq(commentReports.reporterHash, "old"));
    await applyRetention(retentionPolicy());
    const left = await getDb().select().from(commentReports).where(eq(commentReports.signatureId, id));
    expect(left.map((row) => row.reporterHash)).toEqual(["new"]);
  });

  it("refuses an over-long comment through the API with a field message, and stores nothing", async () => {
    const email = "too.long@example.org";
    const answer = await handleSupportRequest(
      new Request(`http://localhost/api/petitions/${slug}/signatures`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Real-IP": "192.0.2.200" },
        body: JSON.stringify({ ...signer(email), comment: "x".repeat(600) }),
      }),
      "petition",
      slug,
    );
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({
      ok: false,
      fieldErrors: { comment: ["Keep your comment to 500 characters or fewer"] },
    });
    expect(await getDb().select().from(signatures).where(eq(signatures.email, email))).toEqual([]);
    // A line break counts once, however it is sent: 250 lines of one letter fit in 500.
    const lines = Array.from({ length: 250 }, () => "a").join("\r\n");
    expect(
      (
        await signPetition(
          slug,
          { ...signer("lines@example.org"), comment: lines },
          {
            ip: null,
            source: null,
            referredBy: null,
            honeypot: null,
          },
        )
      ).ok,
    ).toBe(true);
  });
});

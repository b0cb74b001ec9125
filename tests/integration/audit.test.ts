import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db";
import { AUDIT_PAGE_SIZE, insertAuditEntry, listAuditActions, listAuditEntries } from "@/db/queries/audit";
import { changeSupporterState, eraseSupporter } from "@/db/queries/moderation-changes";
import { petitions, signatures, users } from "@/db/schema";
import { NotAllowedError, type StaffCaller } from "@/lib/domain/roles";
import { freshDemoPetition, signAs } from "../helpers/signing";

// The log outlives every test run on a shared Postgres: this run's lines are told apart by its actors.
const run = randomUUID().slice(0, 8);
const admin: StaffCaller = {
  id: `audit-admin-${run}`,
  email: `audit.admin.${run}@example.org`,
  role: "admin",
};
const editor: StaffCaller = {
  id: `audit-editor-${run}`,
  email: `audit.editor.${run}@example.org`,
  role: "editor",
};

describe("the audit log page's query", () => {
  beforeAll(async () => {
    await getDb()
      .insert(users)
      .values([admin, editor].map(({ id, email, role }) => ({ id, email, role })));
    for (let i = 0; i < AUDIT_PAGE_SIZE + 5; i++) {
      await insertAuditEntry(editor, {
        action: "signature.read",
        subjectType: "signature",
        subjectId: `s-${i}-${run}`,
      });
    }
    await insertAuditEntry(admin, {
      action: "export.supporters",
      subjectType: "petition",
      subjectId: `p-${run}`,
      details: { format: "csv" },
      rowCount: 12,
    });
  });
  afterAll(closeDb);

  it("pages through every line once, newest first", async () => {
    const first = await listAuditEntries(admin, { actor: run });
    expect(first.lines).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.lines[0]).toMatchObject({
      action: "export.supporters",
      actorEmail: admin.email,
      rowCount: 12,
      details: { format: "csv" },
    });
    const second = await listAuditEntries(admin, { actor: run, before: first.nextBefore! });
    expect(second.nextBefore).toBeNull();
    const ids = [...first.lines, ...second.lines].map((line) => line.id);
    expect(new Set(ids).size).toBe(AUDIT_PAGE_SIZE + 6);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it("filters by who, what, subject and date", async () => {
    expect(
      (await listAuditEntries(admin, { actor: `AUDIT.ADMIN.${run}` })).lines.map((line) => line.action),
    ).toEqual(["export.supporters"]);
    expect(
      (await listAuditEntries(admin, { action: "signature.read", subject: `s-3-${run}` })).lines,
    ).toHaveLength(1);
    // A % in the search is a character, not a wildcard.
    expect((await listAuditEntries(admin, { actor: `${run}%` })).lines).toHaveLength(0);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAuditEntries(admin, { actor: run, from: today, to: today })).lines).toHaveLength(
      AUDIT_PAGE_SIZE,
    );
    expect((await listAuditEntries(admin, { actor: run, to: "2000-01-01" })).lines).toHaveLength(0);
    expect(await listAuditActions(admin)).toEqual(
      expect.arrayContaining(["export.supporters", "signature.read"]),
    );
  });

  it("is for admins only", async () => {
    await expect(listAuditEntries(editor, {})).rejects.toBeInstanceOf(NotAllowedError);
    await expect(listAuditActions(editor)).rejects.toBeInstanceOf(NotAllowedError);
  });
});

describe("the audit log names what each entry is about", () => {
  const email = `audit.signer.${run}@example.org`;
  let petition: { slug: string; id: string; title: string };
  let signatureId: string;

  beforeAll(async () => {
    const { slug, id } = await freshDemoPetition();
    const [row] = await getDb()
      .select({ title: petitions.title })
      .from(petitions)
      .where(eq(petitions.id, id));
    petition = { slug, id, title: row!.title };
    expect((await signAs(slug, email)).ok).toBe(true);
    const [signature] = await getDb()
      .select({ id: signatures.id })
      .from(signatures)
      .where(eq(signatures.email, email));
    signatureId = signature!.id;
    await changeSupporterState(admin, "petition", signatureId, "reject", "Signed twice");
    await insertAuditEntry(admin, { action: "export.supporters", subjectType: "petition", subjectId: id });
    await insertAuditEntry(admin, { action: "staff.disable", subjectType: "staff", subjectId: editor.id });
  });

  const lineOf = async (action: string) =>
    (await listAuditEntries(admin, { actor: `audit.admin.${run}`, action })).lines[0]!;

  it("names a signer by first name and initial, with the petition, never by email", async () => {
    const line = await lineOf("supporter.reject");
    expect(line.subject).toEqual({
      kind: "signature",
      id: signatureId,
      firstName: "Ada",
      lastInitial: "L",
      isErased: false,
      parentTitle: petition.title,
    });
    expect(JSON.stringify(line.subject)).not.toContain("@");
    expect(JSON.stringify(line.subject)).not.toContain("Lovelace");
  });

  it("names a petition by its title and a member of staff by their email", async () => {
    expect((await lineOf("export.supporters")).subject).toEqual({ kind: "petition", ...petition });
    expect((await lineOf("staff.disable")).subject).toEqual({
      kind: "staff",
      id: editor.id,
      email: editor.email,
    });
  });

  it("says a supporter was erased, and no more about them", async () => {
    await eraseSupporter(admin, "petition", signatureId, "Asked by email");
    expect((await lineOf("supporter.reject")).subject).toMatchObject({ isErased: true, firstName: null });
  });

  it("leaves a subject that cannot be found unnamed", async () => {
    const line = (await listAuditEntries(admin, { subject: `s-3-${run}` })).lines[0]!;
    expect(line.subject).toBeNull();
  });
});

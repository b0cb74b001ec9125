import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import { AUDIT_PAGE_SIZE, insertAuditEntry, listAuditActions, listAuditEntries } from "@/db/queries/audit";
import { users } from "@/db/schema";
import { NotAllowedError, type StaffCaller } from "@/lib/domain/roles";

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

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import { exportSupporters } from "@/db/queries/exports";
import { signatures } from "@/db/schema";
import { NotAllowedError, type StaffCaller } from "@/lib/auth/roles";
import { freshDemoPetition, signAs } from "../helpers/signing";

const admin: StaffCaller = { id: "admin", email: "admin@example.org", role: "admin" };
const editor: StaffCaller = { id: "editor", email: "editor@example.org", role: "editor" };

async function exportAll(caller: StaffCaller, petitionId: string, batchSize: number) {
  const rows = [];
  for await (const batch of exportSupporters(caller, { kind: "petition", parentId: petitionId, optedInOnly: false }, batchSize)) rows.push(...batch);
  return rows;
}

describe("exporting supporters", () => {
  let petitionId: string;
  beforeAll(async () => {
    let slug: string;
    ({ slug, id: petitionId } = await freshDemoPetition());
    for (let i = 0; i < 7; i++) await signAs(slug, `export-${i}@example.org`);
    // Four share one timestamp to the microsecond: paging must neither skip nor repeat them.
    await getDb().update(signatures).set({ createdAt: new Date("2026-11-20T10:00:00.123Z") }).where(eq(signatures.email, "export-1@example.org"));
    for (const i of [2, 3, 4]) {
      await getDb().update(signatures).set({ createdAt: new Date("2026-11-20T10:00:00.123Z") }).where(eq(signatures.email, `export-${i}@example.org`));
    }
  });
  afterAll(closeDb);

  it("gives every row once, in pages as small as one", async () => {
    for (const batchSize of [1, 2, 3, 1000]) {
      const emails = (await exportAll(admin, petitionId, batchSize)).map((row) => row.email);
      expect(emails).toHaveLength(7);
      expect(new Set(emails).size).toBe(7);
    }
  });

  it("leaves out people whose data was erased", async () => {
    await getDb().update(signatures).set({ erasedAt: new Date(), email: null, firstName: null, lastName: null }).where(eq(signatures.email, "export-5@example.org"));
    const rows = await exportAll(admin, petitionId, 3);
    expect(rows).toHaveLength(6);
    expect(rows.every((row) => row.email !== null)).toBe(true);
  });

  it("is for admins only, refused before any row is read", async () => {
    await expect(exportAll(editor, petitionId, 10)).rejects.toBeInstanceOf(NotAllowedError);
  });
});

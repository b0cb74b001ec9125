import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import { EXPORT_CSV_HEADER, exportSupporters, type ExportFormat } from "@/db/queries/exports";
import { signatures } from "@/db/schema";
import { NotAllowedError, type StaffCaller } from "@/lib/domain/roles";
import { freshDemoPetition, signAs } from "../helpers/signing";

const admin: StaffCaller = { id: "admin", email: "admin@example.org", role: "admin" };
const editor: StaffCaller = { id: "editor", email: "editor@example.org", role: "editor" };

async function exportText(caller: StaffCaller, petitionId: string, format: ExportFormat, batchSize = 1000) {
  let text = "";
  for await (const batch of exportSupporters(
    caller,
    { kind: "petition", parentId: petitionId, optedInOnly: false },
    format,
    batchSize,
  )) {
    expect(batch.text.split(format === "csv" ? "\r\n" : "\n")).toHaveLength(batch.rows + 1);
    text += batch.text;
  }
  return text;
}

async function exportAll(caller: StaffCaller, petitionId: string, batchSize: number) {
  const text = await exportText(caller, petitionId, "jsonl", batchSize);
  return text === ""
    ? []
    : text
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line) as { email: string | null; signedAt: string });
}

describe("exporting supporters", () => {
  let petitionId: string;
  beforeAll(async () => {
    let slug: string;
    ({ slug, id: petitionId } = await freshDemoPetition());
    for (let i = 0; i < 7; i++) await signAs(slug, `export-${i}@example.org`);
    // Four share one timestamp to the microsecond: paging must neither skip nor repeat them.
    await getDb()
      .update(signatures)
      .set({ createdAt: new Date("2026-11-20T10:00:00.123Z") })
      .where(eq(signatures.email, "export-1@example.org"));
    for (const i of [2, 3, 4]) {
      await getDb()
        .update(signatures)
        .set({ createdAt: new Date("2026-11-20T10:00:00.123Z") })
        .where(eq(signatures.email, `export-${i}@example.org`));
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
    await getDb()
      .update(signatures)
      .set({ erasedAt: new Date(), email: null, firstName: null, lastName: null })
      .where(eq(signatures.email, "export-5@example.org"));
    const rows = await exportAll(admin, petitionId, 3);
    expect(rows).toHaveLength(6);
    expect(rows.every((row) => row.email !== null)).toBe(true);
  });

  it("writes times as ISO 8601 in UTC, with milliseconds", async () => {
    const rows = await exportAll(admin, petitionId, 1000);
    expect(rows.filter((row) => row.signedAt === "2026-11-20T10:00:00.123Z")).toHaveLength(4);
  });

  it("writes CSV that a spreadsheet opens safely: every value quoted, formulas neutralised", async () => {
    const cells: [string, string][] = [
      ['=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
      ["+1+1", `"'+1+1"`],
      ["-2", `"'-2"`],
      ["@SUM(A1)", `"'@SUM(A1)"`],
      ["\tTab", `"'\tTab"`],
      ["\rReturn", `"'\rReturn"`],
      // A spreadsheet that splits on ; (many European locales) must not find a formula after it.
      [";=", '";="'],
      ["Lovelace;=1+1", '"Lovelace;=1+1"'],
      ["Lovelace, Ada", '"Lovelace, Ada"'],
      ['She said "no"', '"She said ""no"""'],
      ["two\nlines", '"two\nlines"'],
      ["Zoë", '"Zoë"'],
      ["", '""'],
    ];
    // The comment is followed by the consent columns, the first of which is the channel: each case
    // must end its cell exactly so.
    for (const [comment, cell] of cells) {
      await getDb().update(signatures).set({ comment }).where(eq(signatures.email, "export-0@example.org"));
      const csv = await exportText(admin, petitionId, "csv");
      expect(csv).toContain(`"export-0@example.org",`);
      expect(csv, comment).toContain(`,${cell},"form",`);
    }
    // No value at all is an empty cell, told apart from an empty text.
    await getDb()
      .update(signatures)
      .set({ comment: null })
      .where(eq(signatures.email, "export-0@example.org"));
    expect(await exportText(admin, petitionId, "csv")).toMatch(/"export-0@example\.org",[^\r]*,,"form",/);
    expect(EXPORT_CSV_HEADER).toBe(
      "first_name,last_name,email,country,postal_code,locality,state,signed_at,verified_at,wants_updates,source,referred_by," +
        "utm_source,utm_medium,utm_campaign,utm_term,utm_content,referrer_website,referrer_url,via_embed,comment," +
        "consent_channel,privacy_text_id,privacy_text_sha256,privacy_given_at,privacy_withdrawn_at," +
        "updates_text_id,updates_text_sha256,updates_given_at,updates_withdrawn_at," +
        "public_text_id,public_text_sha256,public_given_at,public_withdrawn_at\r\n",
    );
  });

  it("keeps a postal code as text, so that 02139 keeps its zero in a spreadsheet", async () => {
    const codes: [string, string][] = [
      ["02139", '"\t02139"'],
      ["02139-4307", '"\t02139-4307"'],
      ["1012 AB", '"1012 AB"'],
      ["SW1A 1AA", '"SW1A 1AA"'],
    ];
    for (const [postalCode, cell] of codes) {
      await getDb()
        .update(signatures)
        .set({ postalCode })
        .where(eq(signatures.email, "export-6@example.org"));
      const line = (await exportText(admin, petitionId, "csv"))
        .split("\r\n")
        .find((row) => row.includes("export-6@example.org"))!;
      expect(line.split(",")[4], postalCode).toBe(cell);
      const record = (await exportAll(admin, petitionId, 1000)).find(
        (row) => row.email === "export-6@example.org",
      ) as { postalCode?: string };
      expect(record.postalCode).toBe(postalCode);
    }
  });

  it("is for admins only, refused before any row is read", async () => {
    await expect(exportAll(editor, petitionId, 10)).rejects.toBeInstanceOf(NotAllowedError);
  });
});

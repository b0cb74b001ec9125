import path from "node:path";
import { randomUUID } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import {
  claimDeliveryPack,
  getDeliveryDownload,
  insertDeliveryPack,
  listDeliveryPacks,
  updateDeliveryProgress,
} from "@/db/queries/delivery-packs";
import { auditLog, deliveryPacks, petitions, signatures, users } from "@/db/schema";
import { NotAllowedError, type StaffCaller } from "@/lib/domain/roles";
import { runDeliveryPacks } from "@/lib/jobs/delivery-packs";
import { freshDemoPetition } from "../helpers/signing";

const run = randomUUID().slice(0, 8);
const editor: StaffCaller = {
  id: `delivery-editor-${run}`,
  email: `editor-${run}@example.org`,
  role: "editor",
};
const viewer: StaffCaller = {
  id: `delivery-viewer-${run}`,
  email: `viewer-${run}@example.org`,
  role: "viewer",
};

const AS_OF = new Date("2026-11-30T12:00:00Z");
const BEFORE = new Date("2026-11-29T09:00:00Z");
const AFTER = new Date("2026-12-01T09:00:00Z");

interface Seed {
  first: string;
  last: string;
  country: string;
  postalCode: string;
  locality: string;
  state?: "verified" | "pending" | "withdrawn" | "rejected" | "held";
  verifiedAt?: Date | null;
  comment?: string;
  commentReview?: "unreviewed" | "reported" | "kept" | "removed";
  erased?: boolean;
}

// Listed: Zoë K. and Ming L. (Texas), Ada L. (New York), Olu A. (Nigeria), Jean D. (Texas, no comment).
const SEEDS: Seed[] = [
  {
    first: "Zoë",
    last: "kowalski",
    country: "US",
    postalCode: "73301",
    locality: "Texas, United States",
    comment: "For my daughter.",
    commentReview: "kept",
  },
  {
    first: "Ming",
    last: "Li",
    country: "US",
    postalCode: "75001",
    locality: "Texas, United States",
    comment: "A comment staff hid.",
    commentReview: "reported",
  },
  {
    first: "Ada",
    last: "Lovelace",
    country: "US",
    postalCode: "10001",
    locality: "New York, United States",
    comment: "Please act now.",
    commentReview: "unreviewed",
  },
  {
    first: "Olu",
    last: "Adeyemi",
    country: "NG",
    postalCode: "100001",
    locality: "Nigeria",
    comment: "Removed by staff.",
    commentReview: "removed",
  },
  { first: "Jean", last: "Dupont", country: "US", postalCode: "77001", locality: "Texas, United States" },
  // Not listed:
  {
    first: "Late",
    last: "Signer",
    country: "US",
    postalCode: "73301",
    locality: "Texas, United States",
    verifiedAt: AFTER,
  },
  {
    first: "Waiting",
    last: "Pending",
    country: "US",
    postalCode: "73301",
    locality: "Texas, United States",
    state: "pending",
    verifiedAt: null,
  },
  {
    first: "Changed",
    last: "Mind",
    country: "GB",
    postalCode: "SW1A 1AA",
    locality: "United Kingdom",
    state: "withdrawn",
  },
  {
    first: "Erased",
    last: "Person",
    country: "US",
    postalCode: "10001",
    locality: "New York, United States",
    erased: true,
  },
  {
    first: "Held",
    last: "Back",
    country: "US",
    postalCode: "10001",
    locality: "New York, United States",
    state: "held",
  },
];

// Helvetica is not embedded in the PDF (a standard font): pdf.js reads its metrics from here.
const STANDARD_FONTS = `${path.join(process.cwd(), "node_modules", "pdfjs-dist", "standard_fonts")}/`;

async function pdfText(bytes: Buffer): Promise<{ text: string; pages: number; pageTexts: string[] }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), standardFontDataUrl: STANDARD_FONTS }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const content = await (await pdf.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  await pdf.destroy();
  return { text: pages.join("\n"), pages: pages.length, pageTexts: pages };
}

async function download(packId: string, file: "pdf" | "csv"): Promise<Buffer> {
  const made = await getDeliveryDownload(editor, packId, file);
  expect(made).not.toBeNull();
  const parts: Buffer[] = [];
  for await (const part of made!.chunks) parts.push(part);
  return Buffer.concat(parts);
}

const packRow = async (id: string) =>
  (await getDb().select().from(deliveryPacks).where(eq(deliveryPacks.id, id)))[0]!;

describe("delivery packs", () => {
  let petitionId: string;
  let petition: { title: string; target: string; ask: string };

  beforeAll(async () => {
    ({ id: petitionId } = await freshDemoPetition());
    [petition] = (await getDb()
      .select({ title: petitions.title, target: petitions.target, ask: petitions.ask })
      .from(petitions)
      .where(eq(petitions.id, petitionId))) as [typeof petition];
    await getDb()
      .insert(users)
      .values([editor, viewer].map(({ id, email, role }) => ({ id, email, role })));
    await getDb().delete(signatures).where(eq(signatures.petitionId, petitionId));
    await getDb()
      .insert(signatures)
      .values(
        SEEDS.map((seed, index) => ({
          petitionId,
          state: seed.state ?? "verified",
          firstName: seed.erased ? null : seed.first,
          lastName: seed.erased ? null : seed.last,
          email: seed.erased ? null : `${seed.first.toLowerCase()}.${run}@example.org`,
          emailCanonical: seed.erased ? null : `${seed.first.toLowerCase()}.${run}@example.org`,
          country: seed.country,
          postalCode: seed.erased ? null : seed.postalCode,
          locality: seed.locality,
          comment: seed.comment ?? null,
          commentReview: seed.commentReview ?? "unreviewed",
          privacyNoticeVersion: "test",
          privacyAcceptedAt: BEFORE,
          verifiedAt: seed.verifiedAt === undefined ? BEFORE : seed.verifiedAt,
          withdrawnAt: seed.state === "withdrawn" ? BEFORE : null,
          erasedAt: seed.erased ? BEFORE : null,
          referralCode: `delivery-${run}-${index}`,
          createdAt: new Date(BEFORE.getTime() - (SEEDS.length - index) * 60_000),
        })),
      );
  });
  afterAll(closeDb);

  it("lists the confirmed signers as of the time, by U.S. state, with the comments that may be shown", async () => {
    const packId = (await insertDeliveryPack(editor, {
      petitionId,
      split: "us-state",
      includesComments: true,
      asOf: AS_OF,
    }))!;
    expect((await packRow(packId)).state).toBe("queued");
    await runDeliveryPacks();
    const made = await packRow(packId);
    expect(made).toMatchObject({ state: "done", rowsTotal: 5, rowsDone: 5 });

    const { text, pages, pageTexts } = await pdfText(await download(packId, "pdf"));
    expect(pages).toBe(made.pageCount);
    expect(text).toContain(petition.title);
    expect(text).toContain(`To: ${petition.target}`);
    expect(text.replace(/\s+/g, " ")).toContain(petition.ask.replace(/\s+/g, " "));
    expect(text).toContain("5 people signed this petition");
    expect(text).toContain("30 November 2026");
    // A cover page, then a page per section: New York, Texas, then everyone outside the United States.
    expect(pages).toBe(4);
    expect(pageTexts[1]).toMatch(/New York\s+1 signature\s+Ada L\., New York, United States/);
    expect(pageTexts[2]).toMatch(/Texas\s+3 signatures\s+Zoë K\., Texas, United States/);
    expect(pageTexts[3]).toMatch(/Outside the United States\s+1 signature\s+Olu A\., Nigeria/);
    for (const name of ["Zoë K.", "Ming L.", "Ada L.", "Olu A.", "Jean D."]) expect(text).toContain(name);
    for (const absent of ["Late S.", "Waiting P.", "Changed M.", "Held B.", "Lovelace", "Dupont", "Erased"])
      expect(text).not.toContain(absent);
    expect(text).toContain("For my daughter.");
    expect(text).toContain("Please act now.");
    expect(text).not.toContain("A comment staff hid.");
    expect(text).not.toContain("Removed by staff.");
    expect(text).not.toMatch(/@/);
    for (const seed of SEEDS) expect(text).not.toContain(seed.postalCode);

    const csv = (await download(packId, "csv")).toString("utf8");
    expect(csv.startsWith("\uFEFFsection,name,locality,comment\r\n")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n").slice(1);
    expect(lines).toEqual([
      '"New York","Ada L.","New York, United States","Please act now."',
      '"Texas","Zoë K.","Texas, United States","For my daughter."',
      '"Texas","Ming L.","Texas, United States",',
      '"Texas","Jean D.","Texas, United States",',
      '"Outside the United States","Olu A.","Nigeria",',
    ]);
    expect(csv).not.toMatch(/@|73301|10001/);

    const audit = await getDb()
      .select({ action: auditLog.action, actor: auditLog.actorEmail, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, petitionId), sql`${auditLog.details}->>'pack' = ${packId}`))
      .orderBy(asc(auditLog.id));
    expect(audit.map((line) => line.action)).toEqual([
      "delivery-pack.request",
      "delivery-pack.made",
      "delivery-pack.download",
      "delivery-pack.download",
    ]);
    expect(audit[0]!.actor).toBe(editor.email);
  });

  it("makes one list without comments when asked", async () => {
    const packId = (await insertDeliveryPack(editor, {
      petitionId,
      split: "none",
      includesComments: false,
      asOf: AS_OF,
    }))!;
    await runDeliveryPacks();
    const { text } = await pdfText(await download(packId, "pdf"));
    expect(text).toContain("5 people signed this petition");
    expect(text).not.toContain("For my daughter.");
    expect(text).not.toContain("Outside the United States");
    const csv = (await download(packId, "csv")).toString("utf8");
    expect(csv.slice(1).split("\r\n")[0]).toBe("section,name,locality");
  });

  it("splits by country, named in English", async () => {
    const packId = (await insertDeliveryPack(editor, {
      petitionId,
      split: "country",
      includesComments: false,
      asOf: AS_OF,
    }))!;
    await runDeliveryPacks();
    const { text } = await pdfText(await download(packId, "pdf"));
    expect(text).toMatch(/Nigeria\s+1 signature/);
    expect(text).toMatch(/United States\s+4 signatures/);
  });

  it("is made again from the start when the instance making it stopped (its lease ran out)", async () => {
    const packId = (await insertDeliveryPack(editor, {
      petitionId,
      split: "us-state",
      includesComments: true,
      asOf: AS_OF,
    }))!;
    // An instance claims it, makes part of it, and dies: its lease runs out.
    const first = await claimDeliveryPack();
    expect(first?.id).toBe(packId);
    await updateDeliveryProgress(first!, { rowsDone: 2, rowsTotal: 5 });
    expect(await claimDeliveryPack()).toBeNull();
    await getDb()
      .update(deliveryPacks)
      .set({ lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(deliveryPacks.id, packId));
    await runDeliveryPacks();
    const made = await packRow(packId);
    expect(made).toMatchObject({ state: "done", attempt: 2, rowsDone: 5 });
    // The instance that came back late cannot overwrite or finish it.
    expect(await updateDeliveryProgress(first!, { rowsDone: 3 })).toBe(false);
    const { text } = await pdfText(await download(packId, "pdf"));
    expect(text).toContain("5 people signed this petition");
  });

  it("is refused to a viewer, who may neither make nor download nor list packs", async () => {
    const input = { petitionId, split: "none" as const, includesComments: false, asOf: AS_OF };
    await expect(insertDeliveryPack(viewer, input)).rejects.toBeInstanceOf(NotAllowedError);
    const [pack] = await listDeliveryPacks(editor);
    await expect(getDeliveryDownload(viewer, pack!.id, "pdf")).rejects.toBeInstanceOf(NotAllowedError);
    await expect(listDeliveryPacks(viewer)).rejects.toBeInstanceOf(NotAllowedError);
  });
});

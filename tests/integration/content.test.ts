import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import { DEMO_FIGURES, DEMO_PETITION } from "@/db/demo-campaign";
import { getFeaturedCampaign } from "@/db/queries/campaigns";
import {
  getEditablePetition,
  getEditablePledge,
  listContent,
  updatePetitionContent,
} from "@/db/queries/content";
import {
  insertCommitment,
  updateCommitment,
  updateCommitmentRetired,
} from "@/db/queries/content-commitments";
import { getEditableFigure, insertImpactFigure, updateImpactFigure } from "@/db/queries/content-figures";
import { getPetition } from "@/db/queries/petitions";
import { getPledge } from "@/db/queries/pledges";
import { auditLog, signatures, users } from "@/db/schema";
import { NotAllowedError, type StaffCaller } from "@/lib/domain/roles";
import type { ImpactFigureContent, PetitionContent } from "@/lib/domain/content";
import { takePledge } from "@/lib/signing/pledging";
import { PETITION_CLOSED } from "@/lib/signing/signing";
import { databaseError } from "../helpers/test-database";
import { freshDemoPetition, signAs, signer } from "../helpers/signing";

const editor: StaffCaller = { id: "content-editor", email: "content.editor@example.org", role: "editor" };
const viewer: StaffCaller = { id: "content-viewer", email: "content.viewer@example.org", role: "viewer" };
const SLUG = DEMO_PETITION.slug;
const PLEDGE = "do-my-part";

async function petitionNow(): Promise<{ version: string; content: PetitionContent }> {
  const {
    slug: _slug,
    version,
    isOpenNow: _isOpenNow,
    ...content
  } = (await getEditablePetition(editor, SLUG))!;
  return { version, content };
}

async function lastAudit(subjectId?: string) {
  const [entry] = await getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.actorId, editor.id), subjectId ? eq(auditLog.subjectId, subjectId) : undefined))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return entry;
}

describe("editing content", () => {
  beforeAll(async () => {
    await freshDemoPetition();
    await getDb()
      .insert(users)
      .values([editor, viewer].map(({ id, email, role }) => ({ id, email, role })))
      .onConflictDoNothing();
  });
  afterAll(closeDb);

  it("saves a petition's title and goal, shows them publicly, and audits them with before and after", async () => {
    const { version, content } = await petitionNow();
    const outcome = await updatePetitionContent(editor, SLUG, version, {
      ...content,
      title: "A sharper title",
      goal: 25_000,
    });
    expect(outcome).toEqual({ status: "saved", changed: ["title", "goal"], id: expect.any(String) });
    expect(await getPetition(SLUG)).toMatchObject({ title: "A sharper title", fixedGoal: 25_000 });
    const entry = await lastAudit();
    expect(entry).toMatchObject({
      action: "content.petition.update",
      subjectType: "petition",
      actorEmail: editor.email,
    });
    expect(entry!.details).toEqual({
      item: SLUG,
      changes: {
        title: { before: DEMO_PETITION.title, after: "A sharper title" },
        goal: { before: null, after: 25_000 },
      },
    });
  });

  it("refuses a stale edit: someone saved since the form was loaded, and their words stay", async () => {
    const loaded = await petitionNow();
    await updatePetitionContent(editor, SLUG, loaded.version, { ...loaded.content, target: "The Senate" });
    const outcome = await updatePetitionContent(editor, SLUG, loaded.version, {
      ...loaded.content,
      ask: "Overwrite everything.",
    });
    expect(outcome).toEqual({ status: "stale" });
    expect(await getPetition(SLUG)).toMatchObject({ target: "The Senate", ask: DEMO_PETITION.ask });
  });

  it("records nothing when nothing changed", async () => {
    const before = await lastAudit();
    const { version, content } = await petitionNow();
    expect(await updatePetitionContent(editor, SLUG, version, content)).toMatchObject({
      status: "unchanged",
    });
    expect((await lastAudit())!.id).toBe(before!.id);
  });

  it("refuses a viewer before touching anything", async () => {
    const { version, content } = await petitionNow();
    await expect(
      updatePetitionContent(viewer, SLUG, version, { ...content, title: "Viewer's title" }),
    ).rejects.toBeInstanceOf(NotAllowedError);
    await expect(listContent(viewer)).rejects.toBeInstanceOf(NotAllowedError);
    await expect(
      updateImpactFigure(viewer, "children-rescued", "0", {} as ImpactFigureContent),
    ).rejects.toBeInstanceOf(NotAllowedError);
    await expect(
      updateCommitmentRetired(viewer, "00000000-0000-4000-8000-000000000000", true),
    ).rejects.toBeInstanceOf(NotAllowedError);
    expect((await getPetition(SLUG))!.title).not.toBe("Viewer's title");
  });

  it("closing a petition refuses new signatures at once, and so does a closing time that has passed", async () => {
    expect((await signAs(SLUG, "before.closing@example.org")).ok).toBe(true);
    let { version, content } = await petitionNow();
    await updatePetitionContent(editor, SLUG, version, { ...content, isOpen: false });
    expect(await signAs(SLUG, "after.closing@example.org")).toEqual({
      ok: false,
      formError: PETITION_CLOSED,
    });
    expect((await getPetition(SLUG))!.isOpen).toBe(false);

    ({ version, content } = await petitionNow());
    await updatePetitionContent(editor, SLUG, version, {
      ...content,
      isOpen: true,
      closesAt: new Date(Date.now() - 1_000),
    });
    expect(await signAs(SLUG, "after.deadline@example.org")).toEqual({
      ok: false,
      formError: PETITION_CLOSED,
    });
    expect((await getPetition(SLUG))!.isOpen).toBe(false);
    const late = await getDb()
      .select({ id: signatures.id })
      .from(signatures)
      .where(eq(signatures.email, "after.deadline@example.org"));
    expect(late).toHaveLength(0);

    ({ version, content } = await petitionNow());
    await updatePetitionContent(editor, SLUG, version, {
      ...content,
      closesAt: new Date(Date.now() + 3_600_000),
    });
    expect((await signAs(SLUG, "reopened@example.org")).ok).toBe(true);
  });

  it("saves a figure with its source, and refuses one without who reported it, where or when", async () => {
    const figure = (await getEditableFigure(editor, "children-rescued"))!;
    const { id: _id, slug: _slug, version, ...content } = figure;
    const outcome = await updateImpactFigure(editor, "children-rescued", version, {
      ...content,
      value: 104,
      sourceUrl: "https://www.thorn.org/impact",
    });
    expect(outcome).toMatchObject({ status: "saved", changed: ["value", "sourceUrl"] });
    const shown = (await getFeaturedCampaign())!.figures.find((row) => row.slug === "children-rescued");
    expect(shown).toMatchObject({
      value: 104,
      sourceUrl: "https://www.thorn.org/impact",
      reportedBy: "Thorn",
    });
    expect((await lastAudit(figure.id))!.details).toMatchObject({
      changes: { value: { before: 103, after: 104 } },
    });

    const saved = (await getEditableFigure(editor, "children-rescued"))!;
    for (const blank of [{ reportedBy: "" }, { reportedIn: " " }, { period: "" }]) {
      expect(
        await databaseError(
          updateImpactFigure(editor, "children-rescued", saved.version, { ...content, ...blank }),
        ),
      ).toMatch(/impact_figures_attributed/);
    }
    expect((await getEditableFigure(editor, "children-rescued"))!.version).toBe(saved.version);
  });

  it("adds a figure once per short name", async () => {
    const { slug: _slug, ...content } = {
      ...DEMO_FIGURES[0]!,
      isLowerBound: false,
      notation: "standard" as const,
      quotedBy: null,
      sourceUrl: null,
      sortOrder: 9,
    };
    expect(await insertImpactFigure(editor, "hotline-reports", { ...content, value: 12 })).toEqual({
      status: "added",
      slug: "hotline-reports",
    });
    expect(await insertImpactFigure(editor, "hotline-reports", { ...content, value: 13 })).toEqual({
      status: "duplicate",
    });
    expect((await getFeaturedCampaign())!.figures.at(-1)).toMatchObject({
      slug: "hotline-reports",
      value: 12,
    });
  });

  it("edits, adds and retires a pledge's commitments; a retired one is no longer offered, and its takers keep it", async () => {
    const chosen = (await getEditablePledge(editor, PLEDGE))!.commitments.find(
      (c) => c.slug === "learn-to-report",
    )!;
    expect(
      (
        await takePledge(
          PLEDGE,
          { ...signer("chose.it@example.org"), commitments: ["learn-to-report"] },
          { ip: null, source: null, referredBy: null, honeypot: null },
        )
      ).ok,
    ).toBe(true);

    const edited = await updateCommitment(editor, chosen.id, chosen.version, {
      title: chosen.title,
      description: chosen.description,
      threshold: 50,
    });
    expect(edited).toMatchObject({ status: "saved", changed: ["threshold"] });
    expect(await updateCommitment(editor, chosen.id, chosen.version, { ...chosen, threshold: 60 })).toEqual({
      status: "stale",
    });

    expect(
      await insertCommitment(editor, PLEDGE, {
        title: "Write to my representative",
        description: "One letter.",
        threshold: null,
      }),
    ).toEqual({
      status: "added",
      slug: "write-to-my-representative",
    });
    expect(await updateCommitmentRetired(editor, chosen.id, true)).toBe(true);
    expect(await updateCommitmentRetired(editor, chosen.id, true)).toBe(false);

    const offered = (await getPledge(PLEDGE))!.commitments.map((c) => c.slug);
    expect(offered).toContain("write-to-my-representative");
    expect(offered).not.toContain("learn-to-report");
    const refused = await takePledge(
      PLEDGE,
      { ...signer("too.late@example.org"), commitments: ["learn-to-report"] },
      { ip: null, source: null, referredBy: null, honeypot: null },
    );
    expect(refused).toEqual({
      ok: false,
      fieldErrors: { commitments: ["commitments.listed"] },
    });
    const kept = (await getEditablePledge(editor, PLEDGE))!.commitments.find(
      (c) => c.slug === "learn-to-report",
    )!;
    expect(kept).toMatchObject({ isRetired: true, takers: 1, threshold: 50 });
    expect((await lastAudit(chosen.id))!.action).toBe("content.commitment.retire");
  });
});

import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import { DEMO_COMMITMENTS, DEMO_FIGURES, DEMO_PETITION, DEMO_PLEDGE } from "@/db/demo-campaign";
import { DEMO_STORY } from "@/db/demo-story";
import { getFeaturedCampaign } from "@/db/queries/campaigns";
import {
  getEditablePetition,
  getEditablePledge,
  listContent,
  updatePetitionContent,
} from "@/db/queries/content";
import { updateCommitment } from "@/db/queries/content-commitments";
import {
  getEditableStoryPage,
  listEditableStoryPages,
  updateStoryPageContent,
} from "@/db/queries/content-story";
import { getPetition } from "@/db/queries/petitions";
import { getPledge } from "@/db/queries/pledges";
import { getStoryPage, listStoryPages } from "@/db/queries/story";
import { auditLog, impactFigures, petitions, users } from "@/db/schema";
import { petitionContent } from "@/lib/content/content-input";
import type { PetitionContent } from "@/lib/domain/content";
import { NotAllowedError, type StaffCaller } from "@/lib/domain/roles";
import { freshDemoPetition } from "../helpers/signing";

const editor: StaffCaller = { id: "translation-editor", email: "translator@example.org", role: "editor" };
const viewer: StaffCaller = { id: "translation-viewer", email: "reader@example.org", role: "viewer" };
const SLUG = DEMO_PETITION.slug;
const SPANISH = DEMO_PETITION.translations!.es!;

async function petitionNow(): Promise<{ version: string; content: PetitionContent }> {
  const {
    slug: _slug,
    version,
    isOpenNow: _isOpenNow,
    ...content
  } = (await getEditablePetition(editor, SLUG))!;
  return { version, content };
}

async function lastAudit() {
  const [entry] = await getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.actorId, editor.id), eq(auditLog.action, "content.petition.update")))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return entry;
}

describe("content in English and Spanish", () => {
  beforeAll(async () => {
    await freshDemoPetition();
    await getDb()
      .insert(users)
      .values([editor, viewer].map(({ id, email, role }) => ({ id, email, role })))
      .onConflictDoNothing();
  });
  afterAll(closeDb);

  it("reads each text in Spanish where there is Spanish, and in English where there is not", async () => {
    await getDb()
      .update(petitions)
      .set({ translations: { es: { title: SPANISH.title!, ask: SPANISH.ask! } } })
      .where(eq(petitions.slug, SLUG));
    expect(await getPetition(SLUG, "es")).toMatchObject({
      title: SPANISH.title,
      ask: SPANISH.ask,
      target: DEMO_PETITION.target,
      background: DEMO_PETITION.background,
      untranslated: ["target", "background"],
    });
    expect(await getPetition(SLUG)).toMatchObject({ title: DEMO_PETITION.title, untranslated: [] });
    expect((await getFeaturedCampaign("es"))?.petition).toMatchObject({
      ask: SPANISH.ask,
      target: DEMO_PETITION.target,
    });
  });

  it("reads the pledge, its commitments, the figures and the story in Spanish, English where a text is missing", async () => {
    const pledge = (await getPledge(DEMO_PLEDGE.slug, "es"))!;
    expect(pledge.title).toBe(DEMO_PLEDGE.translations!.es!.title);
    expect(pledge.commitments[0]!.title).toBe(DEMO_COMMITMENTS[0]!.translations!.es!.title);
    expect((await getPledge(DEMO_PLEDGE.slug))!.commitments[0]!.title).toBe(DEMO_COMMITMENTS[0]!.title);

    const figure = DEMO_FIGURES.find((row) => row.slug === "teens-educated")!;
    await getDb()
      .update(impactFigures)
      .set({ translations: { es: { unit: figure.translations!.es!.unit! } } })
      .where(eq(impactFigures.slug, figure.slug));
    const shown = (await getFeaturedCampaign("es"))!.figures.find((row) => row.slug === figure.slug)!;
    expect(shown).toMatchObject({ unit: "adolescentes", counts: figure.counts, value: figure.value });
    expect(shown.untranslated).toEqual(["counts", "period"]);

    const [first] = DEMO_STORY;
    expect((await listStoryPages("es"))[0]).toEqual({
      slug: first!.slug,
      position: 1,
      title: first!.translations!.es!.title,
      summary: first!.translations!.es!.summary,
      untranslated: [],
    });
    const page = (await getStoryPage(first!.slug, "es"))!;
    expect(page.body).toBe(first!.translations!.es!.body);
    expect(page.next?.title).toBe(DEMO_STORY[1]!.translations!.es!.title);
    expect((await getStoryPage(first!.slug))!.body).toBe(first!.body);
  });

  it("saves the Spanish version of a field from the form, audits it by field and language, and shows it", async () => {
    const { version, content } = await petitionNow();
    const typed = petitionContent({
      title: content.title,
      target: content.target,
      ask: content.ask,
      background: content.background,
      goal: "",
      isOpen: true,
      closesAt: "",
      reviewsComments: false,
      publishesOpenCounts: true,
      title_es: SPANISH.title!,
      target_es: SPANISH.target!,
      ask_es: "  ",
      background_es: "",
    });
    const outcome = await updatePetitionContent(editor, SLUG, version, typed);
    expect(outcome).toEqual({ status: "saved", changed: ["target_es", "ask_es"], id: expect.any(String) });
    expect(await getPetition(SLUG, "es")).toMatchObject({
      title: SPANISH.title,
      target: SPANISH.target,
      ask: DEMO_PETITION.ask,
      untranslated: ["ask", "background"],
    });
    const entry = await lastAudit();
    expect(entry!.details).toEqual({
      item: SLUG,
      locales: ["es"],
      changes: {
        target_es: { before: null, after: SPANISH.target },
        ask_es: { before: SPANISH.ask, after: null },
      },
    });
    const [stored] = await getDb()
      .select({ translations: petitions.translations })
      .from(petitions)
      .where(eq(petitions.slug, SLUG));
    expect(stored!.translations).toEqual({ es: { title: SPANISH.title, target: SPANISH.target } });
    const listed = (await listContent(editor)).petitions.find((row) => row.slug === SLUG)!;
    expect(listed).toMatchObject({ missing: { es: ["ask", "background"] }, translatable: 4 });
  });

  it("refuses a stale Spanish save: someone saved since the form was loaded, and their words stay", async () => {
    const { version, content } = await petitionNow();
    expect(
      await updatePetitionContent(editor, SLUG, version, { ...content, ask_es: "Lo que pide otra persona" }),
    ).toMatchObject({ status: "saved" });
    const mine = await updatePetitionContent(editor, SLUG, version, { ...content, ask_es: "Lo que pido yo" });
    expect(mine).toEqual({ status: "stale" });
    expect((await getPetition(SLUG, "es"))!.ask).toBe("Lo que pide otra persona");
  });

  it("saves a commitment's Spanish wording and leaves its English alone", async () => {
    const pledge = (await getPledge(DEMO_PLEDGE.slug))!;
    const commitment = pledge.commitments[2]!;
    const editable = (await getEditablePledge(editor, DEMO_PLEDGE.slug))!.commitments.find(
      (row) => row.id === commitment.id,
    );
    const outcome = await updateCommitment(editor, commitment.id, editable!.version, {
      title: editable!.title,
      description: editable!.description,
      threshold: editable!.threshold,
      title_es: "Compartir la campaña con tres amigos",
      description_es: editable!.description_es,
    });
    expect(outcome).toMatchObject({ status: "saved", changed: ["title_es"] });
    const spanish = (await getPledge(DEMO_PLEDGE.slug, "es"))!.commitments[2]!;
    expect(spanish.title).toBe("Compartir la campaña con tres amigos");
    expect((await getPledge(DEMO_PLEDGE.slug))!.commitments[2]!.title).toBe(commitment.title);
  });

  it("edits a story page in both languages, audited, stale saves refused, and editors only", async () => {
    const slug = DEMO_STORY[2]!.slug;
    const page = (await getEditableStoryPage(editor, slug))!;
    const { slug: _slug, position: _position, version, ...content } = page;
    expect(content.body_es).toBe(DEMO_STORY[2]!.translations!.es!.body);
    const outcome = await updateStoryPageContent(editor, slug, version, {
      ...content,
      summary: "What Kutcher asked of Congress.",
      summary_es: null,
    });
    expect(outcome).toMatchObject({ status: "saved", changed: ["summary", "summary_es"] });
    const shown = (await getStoryPage(slug, "es"))!;
    expect(shown).toMatchObject({ summary: "What Kutcher asked of Congress.", untranslated: ["summary"] });
    expect(shown.title).toBe(DEMO_STORY[2]!.translations!.es!.title);
    expect((await listEditableStoryPages(editor)).find((row) => row.slug === slug)!.missing).toEqual({
      es: ["summary"],
    });
    const [entry] = await getDb()
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "content.story.update"))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(entry).toMatchObject({ subjectType: "story_page", actorEmail: editor.email });
    expect(entry!.details).toMatchObject({ item: slug, locales: ["en", "es"] });

    expect(
      await updateStoryPageContent(editor, slug, version, { ...content, title_es: "Otro título" }),
    ).toEqual({
      status: "stale",
    });
    await expect(getEditableStoryPage(viewer, slug)).rejects.toBeInstanceOf(NotAllowedError);
    await expect(updateStoryPageContent(viewer, slug, version, content)).rejects.toBeInstanceOf(
      NotAllowedError,
    );
  });
});

import { asc, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import { DEMO_FIGURES, DEMO_PETITION, DEMO_PLEDGE } from "@/db/demo-campaign";
import { getFeaturedCampaign } from "@/db/queries/campaigns";
import { campaigns, impactFigures, petitions, pledgeCommitments, pledges, storyPages } from "@/db/schema";
import { seedDemoCampaign } from "@/db/seed";
import { parseStoryBody } from "@/lib/domain/story-blocks";
import { missingTranslations, TRANSLATABLE_FIELDS, type TranslatableKind } from "@/lib/domain/translations";
import { resetData } from "../helpers/test-database";

async function snapshot() {
  const db = getDb();
  return {
    campaigns: await db.select().from(campaigns).orderBy(asc(campaigns.slug)),
    figures: await db.select().from(impactFigures).orderBy(asc(impactFigures.slug)),
    petitions: await db.select().from(petitions).orderBy(asc(petitions.slug)),
    pledges: await db.select().from(pledges).orderBy(asc(pledges.slug)),
    commitments: await db.select().from(pledgeCommitments).orderBy(asc(pledgeCommitments.slug)),
    story: await db.select().from(storyPages).orderBy(asc(storyPages.position)),
  };
}

describe("the demo campaign seed", () => {
  beforeAll(() => resetData(getDb()));
  afterAll(closeDb);

  it("builds the campaign: six attributed figures, a story, one petition to Congress, one pledge", async () => {
    const inserted = await seedDemoCampaign(getDb());
    const rows = await snapshot();
    expect(rows.campaigns).toHaveLength(1);
    expect(rows.figures).toHaveLength(6);
    expect(rows.petitions).toHaveLength(1);
    expect(rows.pledges).toHaveLength(1);
    expect(rows.commitments.length).toBeGreaterThanOrEqual(3);
    expect(rows.commitments.length).toBeLessThanOrEqual(5);
    expect(rows.story.length).toBeGreaterThanOrEqual(4);
    expect(inserted).toBe(1 + 6 + rows.story.length + 1 + 1 + rows.commitments.length);

    expect(rows.petitions[0]?.target).toMatch(/Congress/);
    expect(rows.figures.map((figure) => figure.value).sort((a, b) => a - b)).toEqual([
      25, 103, 5894, 6608, 140000, 3500000,
    ]);
    for (const figure of rows.figures) {
      expect(figure.reportedBy).toBe("Thorn");
      expect(figure.method).toBe("self-reported");
      expect(figure.period).toMatch(/2017|2018/);
      expect(figure.quotedBy).toMatch(/People/);
    }
  });

  it("changes nothing when run a second time", async () => {
    const before = await snapshot();
    expect(await seedDemoCampaign(getDb())).toBe(0);
    expect(await snapshot()).toEqual(before);
  });

  it("leaves staff edits alone and only restores what is missing", async () => {
    const db = getDb();
    await db
      .update(petitions)
      .set({ title: "Edited by staff" })
      .where(sql`true`);
    await db.delete(impactFigures).where(sql`${impactFigures.slug} = 'children-rescued'`);
    expect(await seedDemoCampaign(db)).toBe(1);
    const rows = await snapshot();
    expect(rows.petitions[0]?.title).toBe("Edited by staff");
    expect(rows.figures).toHaveLength(6);
  });

  it("feeds the home page its headline, figures in order and actions", async () => {
    const campaign = await getFeaturedCampaign();
    expect(campaign?.headline).toBeTruthy();
    const inDisplayOrder = [...DEMO_FIGURES]
      .sort((a, b) => a.sortOrder! - b.sortOrder!)
      .map((figure) => figure.slug);
    expect(campaign?.figures.map((figure) => figure.slug)).toEqual(inDisplayOrder);
    expect(campaign?.petition?.slug).toBe(DEMO_PETITION.slug);
    expect(campaign?.pledge?.slug).toBe(DEMO_PLEDGE.slug);
  });

  it("gives every demo text in Spanish, quotations in their original English beside a translation", async () => {
    const rows = await snapshot();
    const kinds: [TranslatableKind, { slug: string; translations: unknown }[]][] = [
      ["petition", rows.petitions],
      ["pledge", rows.pledges],
      ["commitment", rows.commitments],
      ["figure", rows.figures],
      ["story", rows.story],
    ];
    for (const [kind, items] of kinds) {
      for (const item of items) {
        const missing = missingTranslations(TRANSLATABLE_FIELDS[kind], item.translations as never);
        expect(missing.es, `${kind} ${item.slug}`).toEqual([]);
      }
    }
    for (const page of rows.story) {
      const english = parseStoryBody(page.body).filter((block) => block.kind === "quote");
      const spanish = parseStoryBody(page.translations.es!.body!);
      const quotes = spanish.filter((block) => block.kind === "quote");
      expect(
        quotes.map((quote) => quote.text),
        page.slug,
      ).toEqual(english.map((quote) => quote.text));
      for (const quote of quotes) {
        const next = spanish[spanish.indexOf(quote) + 1];
        expect(next, page.slug).toMatchObject({
          kind: "paragraph",
          text: expect.stringMatching(/^\(En español: «.+»\)$/),
        });
      }
    }
  });

  it("leaves a Spanish text staff edited alone on a second run", async () => {
    const db = getDb();
    await db
      .update(petitions)
      .set({ translations: { es: { title: "Editado por el equipo" } } })
      .where(sql`true`);
    expect(await seedDemoCampaign(db)).toBe(0);
    expect((await snapshot()).petitions[0]?.translations).toEqual({ es: { title: "Editado por el equipo" } });
  });
});

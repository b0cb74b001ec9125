import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { impactFigures } from "@/db/schema";
import { assertRole, type StaffCaller } from "@/lib/domain/roles";
import type { ImpactFigureContent } from "@/lib/domain/content";
import {
  isTranslatedKey,
  TRANSLATABLE_FIELDS,
  translationsFrom,
  type TranslatedFields,
} from "@/lib/domain/translations";
import { insertAuditEntry } from "./audit";
import type { AddOutcome } from "./content-commitments";
import {
  columnsOfChanges,
  saveWithVersion,
  versionOf,
  withTranslatedFields,
  type SaveOutcome,
} from "./content-save";
import { getFeaturedCampaignId } from "./featured-campaign";
import { publicFigureColumns } from "./impact-figures";

export type EditableFigure = ImpactFigureContent &
  TranslatedFields<(typeof TRANSLATABLE_FIELDS.figure)[number]> & {
    id: string;
    slug: string;
    version: string;
  };

const figureColumns = {
  id: impactFigures.id,
  ...publicFigureColumns,
  sortOrder: impactFigures.sortOrder,
  translations: impactFigures.translations,
  version: versionOf(impactFigures.updatedAt),
};

const editable = <R extends { translations: Record<string, Record<string, string>> }>(row: R) =>
  withTranslatedFields(row, TRANSLATABLE_FIELDS.figure);

/** The figures the public site shows: the featured campaign's, in their display order. */
export async function listEditableFigures(caller: StaffCaller): Promise<EditableFigure[]> {
  assertRole(caller, "editor");
  const campaignId = await getFeaturedCampaignId();
  if (!campaignId) return [];
  const rows = await getDb()
    .select(figureColumns)
    .from(impactFigures)
    .where(eq(impactFigures.campaignId, campaignId))
    .orderBy(asc(impactFigures.sortOrder), asc(impactFigures.slug));
  return rows.map(editable);
}

export async function getEditableFigure(caller: StaffCaller, slug: string): Promise<EditableFigure | null> {
  assertRole(caller, "editor");
  const campaignId = await getFeaturedCampaignId();
  if (!campaignId) return null;
  const [row] = await getDb()
    .select(figureColumns)
    .from(impactFigures)
    .where(and(eq(impactFigures.campaignId, campaignId), eq(impactFigures.slug, slug)));
  return row ? editable(row) : null;
}

/** Saves a figure and its attribution, unless someone else saved it since `version`. */
export async function updateImpactFigure(
  caller: StaffCaller,
  slug: string,
  version: string,
  content: ImpactFigureContent,
): Promise<SaveOutcome> {
  const campaignId = await getFeaturedCampaignId();
  return saveWithVersion(caller, {
    subjectType: "impact_figure",
    action: "content.figure.update",
    version,
    content,
    lock: async (tx) => {
      if (!campaignId) return undefined;
      const [row] = await tx
        .select(figureColumns)
        .from(impactFigures)
        .where(and(eq(impactFigures.campaignId, campaignId), eq(impactFigures.slug, slug)))
        .for("update");
      return row && { ...withTranslatedFields(row, TRANSLATABLE_FIELDS.figure), label: row.slug };
    },
    write: async (tx, id, changes, row) => {
      await tx
        .update(impactFigures)
        .set(columnsOfChanges(TRANSLATABLE_FIELDS.figure, changes, row))
        .where(eq(impactFigures.id, id));
    },
  });
}

/** Adds a figure to the featured campaign; "duplicate" when its slug is taken. */
export async function insertImpactFigure(
  caller: StaffCaller,
  slug: string,
  content: ImpactFigureContent,
): Promise<AddOutcome> {
  assertRole(caller, "editor");
  const campaignId = await getFeaturedCampaignId();
  if (!campaignId) return { status: "missing" };
  return getDb().transaction(async (tx) => {
    const [added] = await tx
      .insert(impactFigures)
      .values({
        ...Object.fromEntries(Object.entries(content).filter(([key]) => !isTranslatedKey(key))),
        ...content,
        translations: translationsFrom(TRANSLATABLE_FIELDS.figure, content),
        slug,
        campaignId,
      })
      .onConflictDoNothing({ target: [impactFigures.campaignId, impactFigures.slug] })
      .returning({ id: impactFigures.id });
    if (!added) return { status: "duplicate" };
    await insertAuditEntry(
      caller,
      {
        action: "content.figure.add",
        subjectType: "impact_figure",
        subjectId: added.id,
        details: { item: slug, added: content },
      },
      tx,
    );
    return { status: "added", slug };
  });
}

import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { readDb } from "@/db";
import { impactFigures } from "@/db/schema";
import type { FigureNotation, ReportingMethod } from "@/db/schema/enums";
import type { Locale } from "@/lib/domain/locale";
import { localizeRow, TRANSLATABLE_FIELDS, type TranslatableField } from "@/lib/domain/translations";

export interface PublicImpactFigure {
  slug: string;
  value: number;
  isLowerBound: boolean;
  notation: FigureNotation;
  unit: string;
  counts: string;
  period: string;
  reportedBy: string;
  reportedIn: string;
  quotedBy: string | null;
  sourceUrl: string | null;
  method: ReportingMethod;
  untranslated: TranslatableField<"figure">[];
}

/** The columns a figure is shown with; staff editing reads the same, and more. */
export const publicFigureColumns = {
  slug: impactFigures.slug,
  value: impactFigures.value,
  isLowerBound: impactFigures.isLowerBound,
  notation: impactFigures.notation,
  unit: impactFigures.unit,
  counts: impactFigures.counts,
  period: impactFigures.period,
  reportedBy: impactFigures.reportedBy,
  reportedIn: impactFigures.reportedIn,
  quotedBy: impactFigures.quotedBy,
  sourceUrl: impactFigures.sourceUrl,
  method: impactFigures.method,
};

/**
 * A campaign's figures in their display order, or only those named, in the order named; their
 * words in `locale`, English where untranslated (the numbers and sources are as reported).
 */
export async function listImpactFigures(
  campaignId: string,
  onlySlugs?: string[],
  locale: Locale = "en",
): Promise<PublicImpactFigure[]> {
  if (onlySlugs?.length === 0) return [];
  const found = await readDb()
    .select({ ...publicFigureColumns, translations: impactFigures.translations })
    .from(impactFigures)
    .where(
      and(
        eq(impactFigures.campaignId, campaignId),
        onlySlugs ? inArray(impactFigures.slug, onlySlugs) : undefined,
      ),
    )
    .orderBy(asc(impactFigures.sortOrder), asc(impactFigures.slug));
  const rows = found.map((row) => localizeRow(row, TRANSLATABLE_FIELDS.figure, locale));
  if (!onlySlugs) return rows;
  return onlySlugs.flatMap((slug) => rows.filter((row) => row.slug === slug));
}

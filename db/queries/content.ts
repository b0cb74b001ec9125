import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { petitions, pledges } from "@/db/schema";
import { assertRole, type StaffCaller } from "@/lib/domain/roles";
import type { PetitionContent, PledgeContent } from "@/lib/domain/content";
import {
  missingTranslations,
  TRANSLATABLE_FIELDS,
  translationsFrom,
  type TranslatedFields,
  type TranslationLocale,
} from "@/lib/domain/translations";
import { listEditableCommitments, type EditableCommitment } from "./content-commitments";
import { listEditableFigures, type EditableFigure } from "./content-figures";
import {
  columnsOfChanges,
  saveWithVersion,
  versionOf,
  withTranslatedFields,
  type SaveOutcome,
} from "./content-save";
import { isOpenNow } from "./open-now";
import { forgetSupportTarget } from "./supporters";

export interface ContentSummary {
  slug: string;
  title: string;
  goal: number | null;
  /** Open right now: not closed by staff, and not past its closing time. */
  isOpenNow: boolean;
  closesAt: Date | null;
  /** The texts each language other than English has no translation of yet. */
  missing: Record<TranslationLocale, string[]>;
  /** How many texts it has to translate. */
  translatable: number;
}

export interface ContentListing {
  petitions: ContentSummary[];
  pledges: ContentSummary[];
  /** Each with the words each language other than English has no translation of yet. */
  figures: (EditableFigure & { missing: Record<TranslationLocale, string[]> })[];
}

/** What editors can change: every petition and pledge, and the featured campaign's figures. */
export async function listContent(caller: StaffCaller): Promise<ContentListing> {
  assertRole(caller, "editor");
  const summary = (table: typeof petitions | typeof pledges) =>
    getDb()
      .select({
        slug: table.slug,
        title: table.title,
        goal: table.goal,
        isOpenNow: isOpenNow(table),
        closesAt: table.closesAt,
        translations: table.translations,
      })
      .from(table)
      .orderBy(asc(table.createdAt), asc(table.slug));
  const [petitionRows, pledgeRows, figures] = await Promise.all([
    summary(petitions),
    summary(pledges),
    listEditableFigures(caller),
  ]);
  const withMissing =
    (fields: readonly string[]) =>
    ({ translations, ...row }: Awaited<ReturnType<typeof summary>>[number]): ContentSummary => ({
      ...row,
      missing: missingTranslations(fields, translations as Record<string, Record<string, string>>),
      translatable: fields.length,
    });
  return {
    petitions: petitionRows.map(withMissing(TRANSLATABLE_FIELDS.petition)),
    pledges: pledgeRows.map(withMissing(TRANSLATABLE_FIELDS.pledge)),
    figures: figures.map((figure) => ({
      ...figure,
      missing: missingTranslations(
        TRANSLATABLE_FIELDS.figure,
        translationsFrom(TRANSLATABLE_FIELDS.figure, figure),
      ),
    })),
  };
}

export type EditablePetition = PetitionContent &
  TranslatedFields<(typeof TRANSLATABLE_FIELDS.petition)[number]> & {
    slug: string;
    version: string;
    isOpenNow: boolean;
  };

const petitionColumns = {
  slug: petitions.slug,
  title: petitions.title,
  target: petitions.target,
  ask: petitions.ask,
  background: petitions.background,
  goal: petitions.goal,
  isOpen: petitions.isOpen,
  closesAt: petitions.closesAt,
  reviewsComments: petitions.reviewsComments,
  publishesOpenCounts: petitions.publishesOpenCounts,
  translations: petitions.translations,
  version: versionOf(petitions.updatedAt),
};

export async function getEditablePetition(
  caller: StaffCaller,
  slug: string,
): Promise<EditablePetition | null> {
  assertRole(caller, "editor");
  const [row] = await getDb()
    .select({ ...petitionColumns, isOpenNow: isOpenNow(petitions) })
    .from(petitions)
    .where(eq(petitions.slug, slug));
  return row ? withTranslatedFields(row, TRANSLATABLE_FIELDS.petition) : null;
}

/** Saves a petition's texts, goal and open state, unless someone else saved it since `version`. */
export async function updatePetitionContent(
  caller: StaffCaller,
  slug: string,
  version: string,
  content: PetitionContent,
): Promise<SaveOutcome> {
  const outcome = await saveWithVersion(caller, {
    subjectType: "petition",
    action: "content.petition.update",
    version,
    content,
    lock: async (tx) => {
      const [row] = await tx
        .select({ id: petitions.id, ...petitionColumns })
        .from(petitions)
        .where(eq(petitions.slug, slug))
        .for("update");
      return row && { ...withTranslatedFields(row, TRANSLATABLE_FIELDS.petition), label: row.slug };
    },
    write: async (tx, id, changes, row) => {
      await tx
        .update(petitions)
        .set(columnsOfChanges(TRANSLATABLE_FIELDS.petition, changes, row))
        .where(eq(petitions.id, id));
      // Comments appear or go with pre-moderation: the live list of signers must follow (on commit).
      if ("reviewsComments" in changes)
        await tx.execute(sql`select pg_notify('upstand_totals', ${`petition:${id}`})`);
    },
  });
  // Signing re-reads whether it is open from the database anyway; this process's copy goes too.
  if (outcome.id) forgetSupportTarget(outcome.id);
  return outcome;
}

export type EditablePledge = PledgeContent &
  TranslatedFields<(typeof TRANSLATABLE_FIELDS.pledge)[number]> & {
    slug: string;
    version: string;
    isOpenNow: boolean;
    commitments: EditableCommitment[];
  };

const pledgeColumns = {
  slug: pledges.slug,
  title: pledges.title,
  statement: pledges.statement,
  background: pledges.background,
  goal: pledges.goal,
  isOpen: pledges.isOpen,
  closesAt: pledges.closesAt,
  publishesOpenCounts: pledges.publishesOpenCounts,
  translations: pledges.translations,
  version: versionOf(pledges.updatedAt),
};

export async function getEditablePledge(caller: StaffCaller, slug: string): Promise<EditablePledge | null> {
  assertRole(caller, "editor");
  const [row] = await getDb()
    .select({ id: pledges.id, ...pledgeColumns, isOpenNow: isOpenNow(pledges) })
    .from(pledges)
    .where(eq(pledges.slug, slug));
  if (!row) return null;
  const { id, ...pledge } = row;
  return {
    ...withTranslatedFields(pledge, TRANSLATABLE_FIELDS.pledge),
    commitments: await listEditableCommitments(caller, id),
  };
}

/** Saves a pledge's texts, goal and open state, unless someone else saved it since `version`. */
export async function updatePledgeContent(
  caller: StaffCaller,
  slug: string,
  version: string,
  content: PledgeContent,
): Promise<SaveOutcome> {
  const outcome = await saveWithVersion(caller, {
    subjectType: "pledge",
    action: "content.pledge.update",
    version,
    content,
    lock: async (tx) => {
      const [row] = await tx
        .select({ id: pledges.id, ...pledgeColumns })
        .from(pledges)
        .where(eq(pledges.slug, slug))
        .for("update");
      return row && { ...withTranslatedFields(row, TRANSLATABLE_FIELDS.pledge), label: row.slug };
    },
    write: async (tx, id, changes, row) => {
      await tx
        .update(pledges)
        .set(columnsOfChanges(TRANSLATABLE_FIELDS.pledge, changes, row))
        .where(eq(pledges.id, id));
    },
  });
  if (outcome.id) forgetSupportTarget(outcome.id);
  return outcome;
}

import "server-only";
import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { pledgeCommitments, pledges } from "@/db/schema";
import { assertRole, type StaffCaller } from "@/lib/domain/roles";
import { slugFromTitle, type CommitmentContent } from "@/lib/domain/content";
import { TRANSLATABLE_FIELDS, translationsFrom, type TranslatedFields } from "@/lib/domain/translations";
import { insertAuditEntry } from "./audit";
import {
  columnsOfChanges,
  saveWithVersion,
  versionOf,
  withTranslatedFields,
  type SaveOutcome,
} from "./content-save";

export type EditableCommitment = CommitmentContent &
  TranslatedFields<(typeof TRANSLATABLE_FIELDS.commitment)[number]> & {
    id: string;
    slug: string;
    version: string;
    isRetired: boolean;
    /** People who chose it, confirmed or not yet: why it can be retired but never deleted. */
    takers: number;
  };

const commitmentColumns = {
  slug: pledgeCommitments.slug,
  title: pledgeCommitments.title,
  description: pledgeCommitments.description,
  threshold: pledgeCommitments.threshold,
  translations: pledgeCommitments.translations,
  version: versionOf(pledgeCommitments.updatedAt),
};

/** A pledge's commitments, retired ones last. */
export async function listEditableCommitments(
  caller: StaffCaller,
  pledgeId: string,
): Promise<EditableCommitment[]> {
  assertRole(caller, "editor");
  const rows = await getDb()
    .select({
      id: pledgeCommitments.id,
      ...commitmentColumns,
      isRetired: sql<boolean>`${pledgeCommitments.retiredAt} is not null`,
      takers: sql<string>`(select coalesce(sum(count), 0) from count_slots
        where subject = 'commitment' and subject_id = ${pledgeCommitments.id} and state in ('pending', 'verified'))`,
    })
    .from(pledgeCommitments)
    .where(eq(pledgeCommitments.pledgeId, pledgeId))
    .orderBy(
      sql`${pledgeCommitments.retiredAt} is not null`,
      asc(pledgeCommitments.sortOrder),
      asc(pledgeCommitments.slug),
    );
  return rows.map((row) => ({
    ...withTranslatedFields(row, TRANSLATABLE_FIELDS.commitment),
    takers: Number(row.takers),
  }));
}

/** Saves a commitment's wording and threshold, unless someone else saved it since `version`. */
export function updateCommitment(
  caller: StaffCaller,
  id: string,
  version: string,
  content: CommitmentContent,
): Promise<SaveOutcome> {
  return saveWithVersion(caller, {
    subjectType: "pledge_commitment",
    action: "content.commitment.update",
    version,
    content,
    lock: async (tx) => {
      const [row] = await tx
        .select({ id: pledgeCommitments.id, ...commitmentColumns, pledgeSlug: pledges.slug })
        .from(pledgeCommitments)
        .innerJoin(pledges, eq(pledges.id, pledgeCommitments.pledgeId))
        .where(eq(pledgeCommitments.id, id))
        .for("update", { of: pledgeCommitments });
      return (
        row && {
          ...withTranslatedFields(row, TRANSLATABLE_FIELDS.commitment),
          label: `${row.pledgeSlug}/${row.slug}`,
        }
      );
    },
    write: async (tx, rowId, changes, row) => {
      await tx
        .update(pledgeCommitments)
        .set(columnsOfChanges(TRANSLATABLE_FIELDS.commitment, changes, row))
        .where(eq(pledgeCommitments.id, rowId));
    },
  });
}

export type AddOutcome = { status: "added"; slug: string } | { status: "duplicate" } | { status: "missing" };

/** Adds a commitment at the end of a pledge's list; "duplicate" when one has the same slug, retired or not. */
export async function insertCommitment(
  caller: StaffCaller,
  pledgeSlug: string,
  content: CommitmentContent,
): Promise<AddOutcome> {
  assertRole(caller, "editor");
  const slug = slugFromTitle(content.title);
  return getDb().transaction(async (tx) => {
    const [pledge] = await tx.select({ id: pledges.id }).from(pledges).where(eq(pledges.slug, pledgeSlug));
    if (!pledge) return { status: "missing" };
    const [added] = await tx
      .insert(pledgeCommitments)
      .values({
        title: content.title,
        description: content.description,
        threshold: content.threshold,
        translations: translationsFrom(TRANSLATABLE_FIELDS.commitment, content),
        slug,
        pledgeId: pledge.id,
        sortOrder: sql`(select coalesce(max(sort_order), 0) + 1 from pledge_commitments where pledge_id = ${pledge.id})`,
      })
      .onConflictDoNothing({ target: [pledgeCommitments.pledgeId, pledgeCommitments.slug] })
      .returning({ id: pledgeCommitments.id });
    if (!added) return { status: "duplicate" };
    await insertAuditEntry(
      caller,
      {
        action: "content.commitment.add",
        subjectType: "pledge_commitment",
        subjectId: added.id,
        details: { item: `${pledgeSlug}/${slug}`, added: content },
      },
      tx,
    );
    return { status: "added", slug };
  });
}

/**
 * Retires a commitment (no longer offered; kept for those who chose it, with its counts) or
 * offers it again. False when it was already so, or does not exist.
 */
export async function updateCommitmentRetired(
  caller: StaffCaller,
  id: string,
  isRetired: boolean,
): Promise<boolean> {
  assertRole(caller, "editor");
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(pledgeCommitments)
      .set({ retiredAt: isRetired ? sql`now()` : null })
      .where(
        and(
          eq(pledgeCommitments.id, id),
          isRetired ? isNull(pledgeCommitments.retiredAt) : isNotNull(pledgeCommitments.retiredAt),
        ),
      )
      .returning({ slug: pledgeCommitments.slug, pledgeId: pledgeCommitments.pledgeId });
    if (!row) return false;
    await insertAuditEntry(
      caller,
      {
        action: isRetired ? "content.commitment.retire" : "content.commitment.restore",
        subjectType: "pledge_commitment",
        subjectId: id,
        details: { item: row.slug, changes: { isRetired: { before: !isRetired, after: isRetired } } },
      },
      tx,
    );
    return true;
  });
}

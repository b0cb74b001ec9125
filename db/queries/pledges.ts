import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb, readDb } from "@/db";
import { countSlots, pledgeCommitments, pledges } from "@/db/schema";
import { currentGoal } from "@/lib/domain/goal";
import type { Locale } from "@/lib/domain/locale";
import {
  localize,
  localizeRow,
  TRANSLATABLE_FIELDS,
  type TranslatableField,
} from "@/lib/domain/translations";
import { getTotals } from "./counts";
import { isOpenNow } from "./open-now";
import { countVerifiedToday } from "./signed-today";

export interface PublicCommitment {
  id: string;
  slug: string;
  title: string;
  description: string;
  threshold: number | null;
  untranslated: TranslatableField<"commitment">[];
}

export interface PublicPledge {
  id: string;
  slug: string;
  title: string;
  statement: string;
  background: string;
  fixedGoal: number | null;
  isOpen: boolean;
  closesAt: Date | null;
  /** Those still offered: a retired commitment is kept for those who chose it, and shown to nobody else. */
  commitments: PublicCommitment[];
  /** The texts shown in English because they have no translation in the language asked for. */
  untranslated: TranslatableField<"pledge">[];
}

export interface CommitmentTotals {
  slug: string;
  /** Verified takers of this commitment. */
  verified: number;
  /** Of them, those who said they did it. */
  fulfilled: number;
  threshold: number | null;
  /** Has the threshold been reached (always true without one)? */
  isActive: boolean;
}

export interface PledgeTotals {
  verified: number;
  pending: number;
  goal: number;
  /** Confirmed since midnight in the campaign's time zone (lib/domain/campaign-day.ts). */
  takenToday: number;
  commitments: CommitmentTotals[];
}

/** The commitments a taker may choose from, by slug, with the titles their email repeats (in `locale`, English where untranslated). */
export async function getPledgeCommitmentChoices(
  pledgeId: string,
  locale: Locale = "en",
): Promise<{ slug: string; title: string }[]> {
  const rows = await getDb()
    .select({
      slug: pledgeCommitments.slug,
      title: pledgeCommitments.title,
      translations: pledgeCommitments.translations,
    })
    .from(pledgeCommitments)
    .where(and(eq(pledgeCommitments.pledgeId, pledgeId), isNull(pledgeCommitments.retiredAt)))
    .orderBy(asc(pledgeCommitments.sortOrder), asc(pledgeCommitments.slug));
  return rows.map(({ slug, title, translations }) => ({
    slug,
    title: localize<"title">({ title }, translations, locale).text.title,
  }));
}

/** A pledge and its commitments with their texts in `locale`, each in English where it has no translation. */
export async function getPledge(slug: string, locale: Locale = "en"): Promise<PublicPledge | null> {
  const db = readDb();
  const [pledge] = await db
    .select({
      id: pledges.id,
      slug: pledges.slug,
      title: pledges.title,
      statement: pledges.statement,
      background: pledges.background,
      fixedGoal: pledges.goal,
      isOpen: isOpenNow(pledges),
      closesAt: pledges.closesAt,
      translations: pledges.translations,
    })
    .from(pledges)
    .where(eq(pledges.slug, slug));
  if (!pledge) return null;
  const commitments = await db
    .select({
      id: pledgeCommitments.id,
      slug: pledgeCommitments.slug,
      title: pledgeCommitments.title,
      description: pledgeCommitments.description,
      threshold: pledgeCommitments.threshold,
      translations: pledgeCommitments.translations,
    })
    .from(pledgeCommitments)
    .where(and(eq(pledgeCommitments.pledgeId, pledge.id), isNull(pledgeCommitments.retiredAt)))
    .orderBy(asc(pledgeCommitments.sortOrder), asc(pledgeCommitments.slug));
  return {
    ...localizeRow(pledge, TRANSLATABLE_FIELDS.pledge, locale),
    commitments: commitments.map((row) => localizeRow(row, TRANSLATABLE_FIELDS.commitment, locale)),
  };
}

export async function listPledgeIds(): Promise<string[]> {
  return (await getDb().select({ id: pledges.id }).from(pledges)).map((row) => row.id);
}

export async function listPledgeSlugs(): Promise<string[]> {
  const rows = await readDb().select({ slug: pledges.slug }).from(pledges).orderBy(asc(pledges.createdAt));
  return rows.map((row) => row.slug);
}

/** A pledge's public totals, with how many took each commitment; null if unknown. From the read replica unless `fresh`, as getPetitionTotals. */
export async function getPledgeTotals(slug: string, { fresh = false } = {}): Promise<PledgeTotals | null> {
  const db = fresh ? getDb() : readDb();
  const [pledge] = await db
    .select({ id: pledges.id, fixedGoal: pledges.goal })
    .from(pledges)
    .where(eq(pledges.slug, slug));
  if (!pledge) return null;
  const commitments = await db
    .select({
      id: pledgeCommitments.id,
      slug: pledgeCommitments.slug,
      threshold: pledgeCommitments.threshold,
      isActivated: sql<boolean>`${pledgeCommitments.activatedAt} is not null`,
    })
    .from(pledgeCommitments)
    .where(and(eq(pledgeCommitments.pledgeId, pledge.id), isNull(pledgeCommitments.retiredAt)))
    .orderBy(asc(pledgeCommitments.sortOrder), asc(pledgeCommitments.slug));
  const [totals, takenToday, perCommitment] = await Promise.all([
    getTotals("pledge", pledge.id, db),
    countVerifiedToday(db, "pledge", pledge.id),
    commitments.length === 0
      ? []
      : db
          .select({
            subject: countSlots.subject,
            subjectId: countSlots.subjectId,
            total: sql<string>`sum(${countSlots.count})`,
          })
          .from(countSlots)
          .where(
            and(
              inArray(countSlots.subject, ["commitment", "fulfilment"]),
              eq(countSlots.state, "verified"),
              inArray(
                countSlots.subjectId,
                commitments.map((commitment) => commitment.id),
              ),
            ),
          )
          .groupBy(countSlots.subject, countSlots.subjectId),
  ]);
  const total = (subject: "commitment" | "fulfilment", id: string) =>
    Number(perCommitment.find((row) => row.subject === subject && row.subjectId === id)?.total ?? 0);
  return {
    verified: totals.verified,
    pending: totals.pending,
    goal: currentGoal(totals.verified, pledge.fixedGoal),
    takenToday,
    commitments: commitments.map((commitment) => ({
      slug: commitment.slug,
      verified: total("commitment", commitment.id),
      fulfilled: total("fulfilment", commitment.id),
      threshold: commitment.threshold,
      isActive: commitment.threshold === null || commitment.isActivated,
    })),
  };
}

import "server-only";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb, readDb } from "@/db";
import { petitions } from "@/db/schema";
import { currentGoal } from "@/lib/domain/goal";
import type { Locale } from "@/lib/domain/locale";
import { localizeRow, TRANSLATABLE_FIELDS, type TranslatableField } from "@/lib/domain/translations";
import { getTotals } from "./counts";
import { isOpenNow } from "./open-now";
import { countVerifiedToday } from "./signed-today";
import { listRecentPublicSigners, type PublicSigner } from "./signatures";

export interface PublicPetition {
  id: string;
  slug: string;
  title: string;
  target: string;
  ask: string;
  background: string;
  fixedGoal: number | null;
  isOpen: boolean;
  /** When it closes by itself, while it is still open. */
  closesAt: Date | null;
  /** The texts shown in English because they have no translation in the language asked for. */
  untranslated: TranslatableField<"petition">[];
}

export interface PetitionTotals {
  verified: number;
  pending: number;
  goal: number;
  /** Verified since midnight in the campaign's time zone (lib/domain/campaign-day.ts). */
  signedToday: number;
  /** Pushed with the numbers, so the list on the page stays as current as they are. */
  recentSigners: PublicSigner[];
}

const publicColumns = {
  id: petitions.id,
  slug: petitions.slug,
  title: petitions.title,
  target: petitions.target,
  ask: petitions.ask,
  background: petitions.background,
  fixedGoal: petitions.goal,
  isOpen: isOpenNow(petitions),
  closesAt: petitions.closesAt,
  translations: petitions.translations,
};

/** A petition with its texts in `locale`, each in English where it has no translation; null if unknown. */
export async function getPetition(slug: string, locale: Locale = "en"): Promise<PublicPetition | null> {
  const [petition] = await readDb().select(publicColumns).from(petitions).where(eq(petitions.slug, slug));
  return petition ? localizeRow(petition, TRANSLATABLE_FIELDS.petition, locale) : null;
}

const uuid = z.uuid();

/** The slug of the petition with this id (an OSDI address names petitions by id); null if none. */
export async function getPetitionSlugById(id: string): Promise<string | null> {
  if (!uuid.safeParse(id).success) return null;
  const [petition] = await getDb()
    .select({ slug: petitions.slug })
    .from(petitions)
    .where(eq(petitions.id, id));
  return petition?.slug ?? null;
}

export async function listPetitionSlugs(): Promise<string[]> {
  const rows = await readDb()
    .select({ slug: petitions.slug })
    .from(petitions)
    .orderBy(asc(petitions.createdAt));
  return rows.map((row) => row.slug);
}

/**
 * The public totals of a petition (verified, pending confirmation, the goal) and its recent public
 * signers; null if unknown. From the read replica, unless `fresh` (the live feed, which reads
 * right after a commit is announced: a replica may not have replayed it yet, and no second
 * announcement would correct the number).
 */
export async function getPetitionTotals(
  slug: string,
  { fresh = false } = {},
): Promise<PetitionTotals | null> {
  const db = fresh ? getDb() : readDb();
  const [petition] = await db
    .select({ id: petitions.id, fixedGoal: petitions.goal })
    .from(petitions)
    .where(eq(petitions.slug, slug));
  if (!petition) return null;
  const [{ verified, pending }, signedToday, recentSigners] = await Promise.all([
    getTotals("petition", petition.id, db),
    countVerifiedToday(db, "petition", petition.id),
    listRecentPublicSigners(petition.id),
  ]);
  return { verified, pending, goal: currentGoal(verified, petition.fixedGoal), signedToday, recentSigners };
}

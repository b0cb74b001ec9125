import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { petitions } from "@/db/schema";
import { currentGoal } from "@/lib/goal";
import { getTotals } from "./counts";
import { isOpenNow } from "./open-now";
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
}

export interface PetitionTotals {
  verified: number;
  pending: number;
  goal: number;
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
};

export async function getPetition(slug: string): Promise<PublicPetition | null> {
  const [petition] = await getDb().select(publicColumns).from(petitions).where(eq(petitions.slug, slug));
  return petition ?? null;
}

export async function listPetitionSlugs(): Promise<string[]> {
  const rows = await getDb().select({ slug: petitions.slug }).from(petitions).orderBy(asc(petitions.createdAt));
  return rows.map((row) => row.slug);
}

/** The public totals of a petition (verified, pending confirmation, the goal) and its recent public signers; null if unknown. */
export async function getPetitionTotals(slug: string): Promise<PetitionTotals | null> {
  const [petition] = await getDb()
    .select({ id: petitions.id, fixedGoal: petitions.goal })
    .from(petitions)
    .where(eq(petitions.slug, slug));
  if (!petition) return null;
  const [{ verified, pending }, recentSigners] = await Promise.all([
    getTotals("petition", petition.id),
    listRecentPublicSigners(petition.id),
  ]);
  return { verified, pending, goal: currentGoal(verified, petition.fixedGoal), recentSigners };
}

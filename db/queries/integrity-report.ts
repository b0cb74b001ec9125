import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { readDb } from "@/db";
import { integrityRoots, petitions, signatures } from "@/db/schema";
import { SUPPORT_STATES, type RejectionCategory, type SupportState } from "@/lib/domain/enums";
import { forgetSharedReads, sharedRead } from "./read-cache";

export type StateTotals = Record<SupportState, number>;

export interface IntegrityReport {
  slug: string;
  title: string;
  totals: StateTotals & { erased: number };
  /** By the UTC day people signed, newest first, with where each signature stands now. */
  days: ({ day: string } & StateTotals)[];
  /** How the rejected ones were rejected (never staff's own words); null before that was kept. */
  reasons: { category: RejectionCategory | null; count: number }[];
  latestRoot: { root: string; count: number; publishedAt: Date } | null;
}

const DAYS_SHOWN = 60;

const byState = (column: "state") =>
  Object.fromEntries(
    SUPPORT_STATES.map((state) => [
      state,
      sql<number>`(count(*) filter (where ${sql.identifier(column)} = ${state}))::int`,
    ]),
  ) as Record<SupportState, ReturnType<typeof sql<number>>>;

// Each report reads every signature of the petition three times over: a crowd on the page (and
// its metadata, in the same request) shares one per process for this long.
const INTEGRITY_REPORT_CACHE_MS = 15_000;

/**
 * What the public integrity page shows; null when no petition has this slug. `fresh` reads it anew
 * (a root was published since the kept one was read) and keeps that for the others.
 */
export function getIntegrityReport(slug: string, fresh = false): Promise<IntegrityReport | null> {
  return sharedRead(`integrity:${slug}`, INTEGRITY_REPORT_CACHE_MS, () => readIntegrityReport(slug), fresh);
}

/** Forgets the remembered reports (tests that change rows between reads). */
export function clearIntegrityReportCache(): void {
  forgetSharedReads("integrity:");
}

async function readIntegrityReport(slug: string): Promise<IntegrityReport | null> {
  const db = readDb();
  const [petition] = await db
    .select({ id: petitions.id, slug: petitions.slug, title: petitions.title })
    .from(petitions)
    .where(eq(petitions.slug, slug));
  if (!petition) return null;
  const mine = eq(signatures.petitionId, petition.id);
  const [totals, days, reasons, [latest]] = await Promise.all([
    db
      .select({
        ...byState("state"),
        erased: sql<number>`(count(*) filter (where ${signatures.erasedAt} is not null and ${signatures.state} = 'verified'))::int`,
      })
      .from(signatures)
      .where(mine),
    db
      .select({
        day: sql<string>`to_char(${signatures.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`,
        ...byState("state"),
      })
      .from(signatures)
      .where(mine)
      .groupBy(sql`1`)
      .orderBy(sql`1 desc`)
      .limit(DAYS_SHOWN),
    db
      .select({
        category: signatures.rejectionCategory,
        count: sql<number>`count(*)::int`,
      })
      .from(signatures)
      .where(sql`${mine} and ${signatures.state} = 'rejected'`)
      .groupBy(sql`1`)
      .orderBy(sql`2 desc`, sql`1`),
    db
      .select({
        root: integrityRoots.rootHash,
        count: integrityRoots.leafCount,
        publishedAt: integrityRoots.publishedAt,
      })
      .from(integrityRoots)
      .where(eq(integrityRoots.petitionId, petition.id))
      .orderBy(desc(integrityRoots.publishedAt), desc(integrityRoots.id))
      .limit(1),
  ]);
  return {
    slug: petition.slug,
    title: petition.title,
    totals: totals[0]!,
    days,
    reasons,
    latestRoot: latest
      ? { root: latest.root.toString("hex"), count: latest.count, publishedAt: latest.publishedAt }
      : null,
  };
}

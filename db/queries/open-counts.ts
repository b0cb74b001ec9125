import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { readDb } from "@/db";
import { US_STATE_NOTE, usStateOf } from "@/lib/domain/locality";
import { foldedCounts } from "@/lib/domain/open-counts";
import { forgetSharedReads, sharedRead } from "./read-cache";
import { listBuckets, type BucketUnit } from "./support-buckets";
import { SUPPORT_KINDS, type SupportKind } from "./support-kinds";

export interface CountryCount {
  /** ISO 3166-1 alpha-2, or null for those elsewhere (a country with few of them) or not known. */
  country: string | null;
  count: number;
}

export interface StateCount {
  /** The U.S. state (or territory) their ZIP code belongs to, in English; null when few or not known. */
  state: string | null;
  count: number;
}

/** Where the supporters who count are: the rows sum to `verified`, and the states to the U.S. row. */
export interface SupportBreakdown {
  verified: number;
  countries: CountryCount[];
  usStates: StateCount[];
  usStatesNote: string;
}

export interface SupportHistory {
  interval: BucketUnit;
  timeZone: "UTC";
  /** Every hour or day of the window, oldest first: who signed then and counts now. */
  buckets: { at: string; verified: number }[];
}

// Both read every verified supporter of one petition or pledge (docs/PERFORMANCE.md, "Open
// counts"); a crowd asking for them shares one read per process for this long.
const OPEN_COUNTS_CACHE_MS = 15_000;
const cached = <T>(key: string, read: () => Promise<T>) =>
  sharedRead(`open-counts:${key}`, OPEN_COUNTS_CACHE_MS, read);

/** Forgets the remembered figures (tests that change rows between reads). */
export function clearOpenCountsCache(): void {
  forgetSharedReads("open-counts:");
}

/** The petition or pledge, when there is one and its staff chose to publish its open counts. */
async function getParentId(kind: SupportKind, slug: string): Promise<string | null> {
  const parent = SUPPORT_KINDS[kind].parentTable;
  const [row] = await readDb()
    .select({ id: parent.id })
    .from(parent)
    .where(and(eq(parent.slug, slug), eq(parent.publishesOpenCounts, true)));
  return row?.id ?? null;
}

/**
 * Verified supporters by country and by U.S. state, in one statement (one snapshot), so that
 * the rows sum to the verified total. Erased supporters keep their country and locality and
 * still count, so they are in their place; a U.S. supporter whose ZIP code named no state is
 * under a null state, with those of states too few to name (lib/domain/open-counts.ts).
 */
export function getSupportBreakdown(kind: SupportKind, slug: string): Promise<SupportBreakdown | null> {
  return cached(`breakdown:${kind}:${slug}`, async () => {
    const parentId = await getParentId(kind, slug);
    if (!parentId) return null;
    const table = SUPPORT_KINDS[kind].table;
    const parent =
      kind === "petition" ? SUPPORT_KINDS.petition.table.petitionId : SUPPORT_KINDS.pledge.table.pledgeId;
    const rows = await readDb()
      .select({ country: table.country, locality: table.locality, count: sql<number>`count(*)::int` })
      .from(table)
      .where(and(eq(parent, parentId), eq(table.state, "verified")))
      .groupBy(table.country, table.locality);
    const countries = new Map<string | null, number>();
    const states = new Map<string | null, number>();
    for (const row of rows) {
      countries.set(row.country, (countries.get(row.country) ?? 0) + row.count);
      if (row.country !== "US") continue;
      const state = usStateOf(row.locality);
      states.set(state, (states.get(state) ?? 0) + row.count);
    }
    return {
      verified: rows.reduce((sum, row) => sum + row.count, 0),
      countries: foldedCounts(countries).map(([country, count]) => ({ country, count })),
      usStates: foldedCounts(states).map(([state, count]) => ({ state, count })),
      usStatesNote: US_STATE_NOTE,
    };
  });
}

/** Verified supporters per hour or day, the staff chart's figures (support-buckets.ts). */
export function getSupportHistory(
  kind: SupportKind,
  slug: string,
  interval: BucketUnit,
): Promise<SupportHistory | null> {
  return cached(`history:${kind}:${slug}:${interval}`, async () => {
    const parentId = await getParentId(kind, slug);
    if (!parentId) return null;
    const buckets = await listBuckets(readDb(), kind, parentId, interval);
    return {
      interval,
      timeZone: "UTC",
      buckets: buckets.map(({ at, verified }) => ({ at, verified })),
    };
  });
}

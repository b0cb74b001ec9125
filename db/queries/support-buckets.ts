import "server-only";
import { and, eq, gte, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { SUPPORT_KINDS, type SupportKind } from "./support-kinds";

export interface Bucket {
  /** The start of the hour or day, in UTC, as an ISO string. */
  at: string;
  signed: number;
  /** Of those who signed in this hour or day, how many have confirmed their email since. */
  confirmed: number;
  /** Of those who signed in this hour or day, how many count in the public total now (verified). */
  verified: number;
}

export type BucketUnit = "hour" | "day";

/** The windows the staff chart and the public history show: the last 48 hours, the last 30 days. */
export const REPORT_HOURS = 48;
export const REPORT_DAYS = 30;
export const BUCKET_SPANS: Record<BucketUnit, number> = { hour: REPORT_HOURS, day: REPORT_DAYS };

/**
 * Every hour or day of the window that ends now, oldest first, zero where nobody signed: the
 * figures of the staff chart and of the public history alike (one query, so they cannot differ).
 * Buckets are UTC hours and days of `created_at`, read over signatures_petition_created_id.
 */
export async function listBuckets(
  db: Db,
  kind: SupportKind,
  parentId: string,
  unit: BucketUnit,
  now = new Date(),
): Promise<Bucket[]> {
  const table = SUPPORT_KINDS[kind].table;
  const parent =
    kind === "petition" ? SUPPORT_KINDS.petition.table.petitionId : SUPPORT_KINDS.pledge.table.pledgeId;
  const span = BUCKET_SPANS[unit];
  const step = unit === "hour" ? 3_600_000 : 86_400_000;
  const end =
    unit === "hour"
      ? Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), now.getUTCHours())
      : Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const start = new Date(end - (span - 1) * step);
  // The unit is one of two literals, written in place so that SELECT and GROUP BY are the same
  // expression; each group's start is formatted once, not each row's (docs/PERFORMANCE.md, "Open counts").
  const truncated = sql`date_trunc(${sql.raw(`'${unit}'`)}, ${table.createdAt} at time zone 'UTC')`;
  const rows = await db
    .select({
      at: sql<string>`to_char(${truncated}, 'YYYY-MM-DD"T"HH24:00:00"Z"')`,
      signed: sql<number>`count(*)::int`,
      confirmed: sql<number>`count(${table.verifiedAt})::int`,
      verified: sql<number>`(count(*) filter (where ${table.state} = 'verified'))::int`,
    })
    .from(table)
    .where(and(eq(parent, parentId), gte(table.createdAt, start)))
    .groupBy(truncated);
  const byAt = new Map(rows.map((row) => [row.at, row]));
  return Array.from({ length: span }, (_, i) => {
    const at = new Date(start.getTime() + i * step).toISOString().replace(".000Z", "Z");
    const row = byAt.get(at);
    return { at, signed: row?.signed ?? 0, confirmed: row?.confirmed ?? 0, verified: row?.verified ?? 0 };
  });
}

import "server-only";
import { and, eq, gte, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { pledgeTakers, signatures } from "@/db/schema";
import { CAMPAIGN_TIME_ZONE } from "@/lib/domain/campaign-day";

// Midnight today in the campaign's time zone, computed by the database from its own clock.
export const startOfCampaignDay = sql`(date_trunc('day', now() at time zone ${CAMPAIGN_TIME_ZONE}) at time zone ${CAMPAIGN_TIME_ZONE})`;

/**
 * Supporters of one petition or pledge whose confirmation happened since the start of today
 * (lib/domain/campaign-day.ts) and who still count: verified, not erased.
 */
export async function countVerifiedToday(db: Db, kind: "petition" | "pledge", id: string): Promise<number> {
  const table = kind === "petition" ? signatures : pledgeTakers;
  const parent = kind === "petition" ? signatures.petitionId : pledgeTakers.pledgeId;
  const [row] = await db
    .select({ n: sql<string>`count(*)` })
    .from(table)
    .where(
      and(
        eq(parent, id),
        eq(table.state, "verified"),
        isNull(table.erasedAt),
        gte(table.verifiedAt, startOfCampaignDay),
      ),
    );
  return Number(row?.n ?? 0);
}

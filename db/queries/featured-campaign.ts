import "server-only";
import { asc } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import { campaigns } from "@/db/schema";

/** The campaign the public site presents: the oldest one. Null on a database with none. Public pages pass readDb(). */
export async function getFeaturedCampaignId(db: Db = getDb()): Promise<string | null> {
  const [campaign] = await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .orderBy(asc(campaigns.createdAt), asc(campaigns.slug))
    .limit(1);
  return campaign?.id ?? null;
}

/** The name emails are sent and signed with where no petition or pledge decides it (staff sign-in). */
export async function getFeaturedCampaignName(): Promise<string> {
  const [campaign] = await getDb()
    .select({ name: campaigns.name })
    .from(campaigns)
    .orderBy(asc(campaigns.createdAt), asc(campaigns.slug))
    .limit(1);
  return campaign?.name ?? "Upstand";
}

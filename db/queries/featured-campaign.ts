import "server-only";
import { asc } from "drizzle-orm";
import { getDb } from "@/db";
import { campaigns } from "@/db/schema";

/** The campaign the public site presents: the oldest one. Null on a database with none. */
export async function getFeaturedCampaignId(): Promise<string | null> {
  const [campaign] = await getDb()
    .select({ id: campaigns.id })
    .from(campaigns)
    .orderBy(asc(campaigns.createdAt), asc(campaigns.slug))
    .limit(1);
  return campaign?.id ?? null;
}

import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb, readDb } from "@/db";
import { campaigns, petitions, pledges } from "@/db/schema";
import { assertRole, type StaffCaller } from "@/lib/domain/roles";
import { insertAuditEntry } from "./audit";

export type EmbedKind = "petition" | "pledge";

/**
 * The origins allowed to frame the embed of a petition or pledge (its campaign's list); null
 * when there is no such petition or pledge. Read on every embed request, by its slug's index.
 */
export async function getEmbedOrigins(kind: EmbedKind, slug: string): Promise<string[] | null> {
  const parent = kind === "petition" ? petitions : pledges;
  const [row] = await readDb()
    .select({ origins: campaigns.embedOrigins })
    .from(parent)
    .innerJoin(campaigns, eq(campaigns.id, parent.campaignId))
    .where(eq(parent.slug, slug))
    .limit(1);
  return row ? row.origins : null;
}

export interface EmbedCampaign {
  id: string;
  name: string;
  origins: string[];
  petitionSlugs: string[];
  pledgeSlugs: string[];
}

/** Every campaign with its allowed origins and the slugs of what it can embed, for the console. */
export async function listEmbedCampaigns(caller: StaffCaller): Promise<EmbedCampaign[]> {
  assertRole(caller, "viewer");
  const db = getDb();
  const [rows, petitionRows, pledgeRows] = await Promise.all([
    db
      .select({ id: campaigns.id, name: campaigns.name, origins: campaigns.embedOrigins })
      .from(campaigns)
      .orderBy(asc(campaigns.createdAt)),
    db
      .select({ campaignId: petitions.campaignId, slug: petitions.slug })
      .from(petitions)
      .orderBy(asc(petitions.createdAt)),
    db
      .select({ campaignId: pledges.campaignId, slug: pledges.slug })
      .from(pledges)
      .orderBy(asc(pledges.createdAt)),
  ]);
  return rows.map((row) => ({
    ...row,
    petitionSlugs: petitionRows.filter((p) => p.campaignId === row.id).map((p) => p.slug),
    pledgeSlugs: pledgeRows.filter((p) => p.campaignId === row.id).map((p) => p.slug),
  }));
}

/**
 * Replaces a campaign's allowed origins (already normalised), audited with the list before and
 * after; editors and admins only. False when there is no such campaign.
 */
export async function updateEmbedOrigins(
  caller: StaffCaller,
  campaignId: string,
  origins: string[],
): Promise<boolean> {
  assertRole(caller, "editor");
  return getDb().transaction(async (tx) => {
    const [before] = await tx
      .select({ origins: campaigns.embedOrigins })
      .from(campaigns)
      .where(eq(campaigns.id, campaignId))
      .for("update");
    if (!before) return false;
    await tx.update(campaigns).set({ embedOrigins: origins }).where(eq(campaigns.id, campaignId));
    await insertAuditEntry(
      caller,
      {
        action: "campaign.embed-origins",
        subjectType: "campaign",
        subjectId: campaignId,
        details: { before: before.origins, after: origins },
      },
      tx,
    );
    return true;
  });
}

import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { campaigns, impactFigures, petitions, pledges } from "@/db/schema";
import type { FigureNotation, ReportingMethod } from "@/db/schema/enums";

export interface PublicImpactFigure {
  slug: string;
  value: number;
  isLowerBound: boolean;
  notation: FigureNotation;
  unit: string;
  counts: string;
  period: string;
  reportedBy: string;
  reportedIn: string;
  quotedBy: string | null;
  sourceUrl: string | null;
  method: ReportingMethod;
}

export interface ActionSummary {
  id: string;
  slug: string;
  title: string;
  isOpen: boolean;
}

export interface CampaignOverview {
  slug: string;
  name: string;
  headline: string;
  summary: string;
  causeName: string;
  causeUrl: string | null;
  figures: PublicImpactFigure[];
  petition: (ActionSummary & { target: string; ask: string }) | null;
  pledge: (ActionSummary & { statement: string }) | null;
}

/** The campaign the home page features: the oldest one. Null on a database with no campaign. */
export async function getFeaturedCampaign(): Promise<CampaignOverview | null> {
  const db = getDb();
  const [campaign] = await db
    .select({
      id: campaigns.id,
      slug: campaigns.slug,
      name: campaigns.name,
      headline: campaigns.headline,
      summary: campaigns.summary,
      causeName: campaigns.causeName,
      causeUrl: campaigns.causeUrl,
    })
    .from(campaigns)
    .orderBy(asc(campaigns.createdAt), asc(campaigns.slug))
    .limit(1);
  if (!campaign) return null;

  const [figures, [petition], [pledge]] = await Promise.all([
    db
      .select({
        slug: impactFigures.slug,
        value: impactFigures.value,
        isLowerBound: impactFigures.isLowerBound,
        notation: impactFigures.notation,
        unit: impactFigures.unit,
        counts: impactFigures.counts,
        period: impactFigures.period,
        reportedBy: impactFigures.reportedBy,
        reportedIn: impactFigures.reportedIn,
        quotedBy: impactFigures.quotedBy,
        sourceUrl: impactFigures.sourceUrl,
        method: impactFigures.method,
      })
      .from(impactFigures)
      .where(eq(impactFigures.campaignId, campaign.id))
      .orderBy(asc(impactFigures.sortOrder), asc(impactFigures.slug)),
    db
      .select({
        id: petitions.id,
        slug: petitions.slug,
        title: petitions.title,
        isOpen: petitions.isOpen,
        target: petitions.target,
        ask: petitions.ask,
      })
      .from(petitions)
      .where(eq(petitions.campaignId, campaign.id))
      .orderBy(asc(petitions.createdAt))
      .limit(1),
    db
      .select({
        id: pledges.id,
        slug: pledges.slug,
        title: pledges.title,
        isOpen: pledges.isOpen,
        statement: pledges.statement,
      })
      .from(pledges)
      .where(eq(pledges.campaignId, campaign.id))
      .orderBy(asc(pledges.createdAt))
      .limit(1),
  ]);

  const { id: _id, ...overview } = campaign;
  return { ...overview, figures, petition: petition ?? null, pledge: pledge ?? null };
}

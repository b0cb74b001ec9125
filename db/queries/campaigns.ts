import "server-only";
import { asc, eq } from "drizzle-orm";
import { readDb } from "@/db";
import { campaigns, petitions, pledges } from "@/db/schema";
import type { Locale } from "@/lib/domain/locale";
import { localizeRow, TRANSLATABLE_FIELDS, type TranslatableField } from "@/lib/domain/translations";
import { getFeaturedCampaignId } from "./featured-campaign";
import { listImpactFigures, type PublicImpactFigure } from "./impact-figures";
import { isOpenNow } from "./open-now";

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
  petition:
    | (ActionSummary & {
        target: string;
        ask: string;
        fixedGoal: number | null;
        untranslated: TranslatableField<"petition">[];
      })
    | null;
  pledge: (ActionSummary & { statement: string }) | null;
}

/**
 * The campaign the home page features, with its figures and first petition and pledge, their
 * texts in `locale` (English where untranslated).
 */
export async function getFeaturedCampaign(locale: Locale = "en"): Promise<CampaignOverview | null> {
  const db = readDb();
  const campaignId = await getFeaturedCampaignId(db);
  if (!campaignId) return null;
  const [[campaign], figures, [petition], [pledge]] = await Promise.all([
    db
      .select({
        slug: campaigns.slug,
        name: campaigns.name,
        headline: campaigns.headline,
        summary: campaigns.summary,
        causeName: campaigns.causeName,
        causeUrl: campaigns.causeUrl,
      })
      .from(campaigns)
      .where(eq(campaigns.id, campaignId)),
    listImpactFigures(campaignId, undefined, locale),
    db
      .select({
        id: petitions.id,
        slug: petitions.slug,
        title: petitions.title,
        isOpen: isOpenNow(petitions),
        target: petitions.target,
        ask: petitions.ask,
        fixedGoal: petitions.goal,
        background: petitions.background,
        translations: petitions.translations,
      })
      .from(petitions)
      .where(eq(petitions.campaignId, campaignId))
      .orderBy(asc(petitions.createdAt))
      .limit(1),
    db
      .select({
        id: pledges.id,
        slug: pledges.slug,
        title: pledges.title,
        isOpen: isOpenNow(pledges),
        statement: pledges.statement,
        background: pledges.background,
        translations: pledges.translations,
      })
      .from(pledges)
      .where(eq(pledges.campaignId, campaignId))
      .orderBy(asc(pledges.createdAt))
      .limit(1),
  ]);
  if (!campaign) return null;
  // Localized with every translated field, then trimmed to what the overview shows.
  const localPetition = petition && localizeRow(petition, TRANSLATABLE_FIELDS.petition, locale);
  const localPledge = pledge && localizeRow(pledge, TRANSLATABLE_FIELDS.pledge, locale);
  return {
    ...campaign,
    figures,
    petition: localPetition
      ? {
          id: localPetition.id,
          slug: localPetition.slug,
          title: localPetition.title,
          isOpen: localPetition.isOpen,
          target: localPetition.target,
          ask: localPetition.ask,
          fixedGoal: localPetition.fixedGoal,
          untranslated: localPetition.untranslated,
        }
      : null,
    pledge: localPledge
      ? {
          id: localPledge.id,
          slug: localPledge.slug,
          title: localPledge.title,
          isOpen: localPledge.isOpen,
          statement: localPledge.statement,
        }
      : null,
  };
}

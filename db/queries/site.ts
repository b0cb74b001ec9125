import "server-only";
import { getFeaturedCampaign } from "./campaigns";

export interface SiteNavigation {
  /** The featured campaign's name, which the header carries; null before there is one. */
  campaignName: string | null;
  petitionSlug: string | null;
  pledgeSlug: string | null;
}

/** Where the header's Petition and Pledge links go: the featured campaign's actions. */
export async function getSiteNavigation(): Promise<SiteNavigation> {
  const campaign = await getFeaturedCampaign();
  return {
    campaignName: campaign?.name ?? null,
    petitionSlug: campaign?.petition?.slug ?? null,
    pledgeSlug: campaign?.pledge?.slug ?? null,
  };
}

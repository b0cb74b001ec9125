import { renderShareImage, SHARE_IMAGE_SIZE } from "@/components/campaign/share-image";
import { localeOf } from "@/lib/domain/locale";
import { getFeaturedCampaign } from "@/db/queries/campaigns";
import { getTotals } from "@/db/queries/counts";
import { getStoryPage } from "@/db/queries/story";

export const revalidate = 60;
export const size = SHARE_IMAGE_SIZE;
export const contentType = "image/png";
export const alt = "The story page's title and the campaign's live count of verified signatures";

export default async function Image({ params }: { params: Promise<{ chapter: string; locale: string }> }) {
  const { chapter, locale } = await params;
  const [page, campaign] = await Promise.all([
    getStoryPage(chapter, localeOf(locale)),
    getFeaturedCampaign(),
  ]);
  const totals = campaign?.petition ? await getTotals("petition", campaign.petition.id) : null;
  return renderShareImage({
    eyebrow: page ? `The story · part ${page.position} of ${page.total}` : "The story",
    title: page?.title ?? campaign?.headline ?? "The story",
    total: totals ? { value: totals.verified, label: "verified signatures" } : null,
    locale: localeOf(locale),
  });
}

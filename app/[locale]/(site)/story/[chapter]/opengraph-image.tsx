import { renderShareImage, SHARE_IMAGE_SIZE } from "@/components/campaign/share-image";
import { getTranslations } from "next-intl/server";
import { localeOf } from "@/lib/domain/locale";
import { getFeaturedCampaign } from "@/db/queries/campaigns";
import { getTotals } from "@/db/queries/counts";
import { getStoryPage } from "@/db/queries/story";

export const revalidate = 60;
export const size = SHARE_IMAGE_SIZE;
export const contentType = "image/png";
export const alt = "The story page's title and the campaign's live count of verified signatures";

export default async function Image({ params }: { params: Promise<{ chapter: string; locale: string }> }) {
  const { chapter, locale: segment } = await params;
  const locale = localeOf(segment);
  const [page, campaign, story, chapterWords, progress] = await Promise.all([
    getStoryPage(chapter, locale),
    getFeaturedCampaign(locale),
    getTranslations({ locale, namespace: "storyIndex" }),
    getTranslations({ locale, namespace: "storyChapter" }),
    getTranslations({ locale, namespace: "campaignProgress" }),
  ]);
  const totals = campaign?.petition ? await getTotals("petition", campaign.petition.id) : null;
  return renderShareImage({
    eyebrow: page ? chapterWords("partOf", { position: page.position, total: page.total }) : story("title"),
    title: page?.title ?? campaign?.headline ?? story("title"),
    total: totals ? { value: totals.verified, label: progress("petition.counted") } : null,
    locale,
  });
}

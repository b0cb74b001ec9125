import { renderShareImage, shareImageMetadata } from "@/components/campaign/share-image";
import { getTranslations } from "next-intl/server";
import { localeOf } from "@/lib/domain/locale";
import { getFeaturedCampaign } from "@/db/queries/campaigns";
import { getTotals } from "@/db/queries/counts";
import { getStoryPage } from "@/db/queries/story";
import { pluralRaw } from "@/components/campaign/action-words";
import { pluralWords } from "@/lib/i18n/fill";

// Cached like the page it is shared from, and as fresh: see expireTime in next.config.ts.
export const revalidate = 5;

export function generateImageMetadata({ params }: { params: { locale: string } }) {
  return shareImageMetadata(params, "storyAlt");
}

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
    total: totals
      ? {
          value: totals.verified,
          label: pluralWords(totals.verified, locale, pluralRaw(progress, "petition.counted")),
        }
      : null,
    locale,
  });
}

import { renderShareImage, shareImageMetadata } from "@/components/campaign/share-image";
import { getTranslations } from "next-intl/server";
import { getFeaturedCampaign } from "@/db/queries/campaigns";
import { getTotals } from "@/db/queries/counts";
import { localeOf } from "@/lib/domain/locale";
import { pluralRaw } from "@/components/campaign/action-words";
import { pluralWords } from "@/lib/i18n/fill";

// Cached like the page it is shared from, and as fresh: see expireTime in next.config.ts.
export const revalidate = 5;

export function generateImageMetadata({ params }: { params: { locale: string } }) {
  return shareImageMetadata(params, "campaignAlt");
}

export default async function Image({ params }: { params: Promise<{ locale: string }> }) {
  const locale = localeOf((await params).locale);
  const [campaign, image, progress] = await Promise.all([
    getFeaturedCampaign(locale),
    getTranslations({ locale, namespace: "shareImage" }),
    getTranslations({ locale, namespace: "campaignProgress" }),
  ]);
  const totals = campaign?.petition ? await getTotals("petition", campaign.petition.id) : null;
  return renderShareImage({
    eyebrow: campaign?.name ?? "Upstand",
    title: campaign?.headline ?? image("headline"),
    total: totals
      ? {
          value: totals.verified,
          label: pluralWords(totals.verified, locale, pluralRaw(progress, "petition.counted")),
        }
      : null,
    locale,
  });
}

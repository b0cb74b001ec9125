import { renderShareImage, shareImageMetadata } from "@/components/campaign/share-image";
import { getTranslations } from "next-intl/server";
import { localeOf } from "@/lib/domain/locale";
import { getPetition, getPetitionTotals } from "@/db/queries/petitions";
import { pluralRaw } from "@/components/campaign/action-words";
import { pluralWords } from "@/lib/i18n/fill";

// Shows the title, which staff edit: see expireTime in next.config.ts.
export const revalidate = 5;

export function generateImageMetadata({ params }: { params: { locale: string } }) {
  return shareImageMetadata(params, "petitionAlt");
}

export default async function Image({ params }: { params: Promise<{ slug: string; locale: string }> }) {
  const { slug, locale: segment } = await params;
  const locale = localeOf(segment);
  const [petition, totals, page, progress] = await Promise.all([
    getPetition(slug, locale),
    getPetitionTotals(slug),
    getTranslations({ locale, namespace: "petitionPage" }),
    getTranslations({ locale, namespace: "campaignProgress" }),
  ]);
  // No card for a petition that does not exist, as no page: nothing to cache for made-up slugs.
  if (!petition) return new Response(null, { status: 404, headers: { "Cache-Control": "no-store" } });
  return renderShareImage({
    eyebrow: page("eyebrow", { target: petition.target }),
    title: petition.title,
    total: totals
      ? {
          value: totals.verified,
          label: pluralWords(totals.verified, locale, pluralRaw(progress, "petition.counted")),
        }
      : null,
    locale,
  });
}

import { renderShareImage, SHARE_IMAGE_SIZE } from "@/components/campaign/share-image";
import { localeOf } from "@/lib/domain/locale";
import { getPetition, getPetitionTotals } from "@/db/queries/petitions";

// Shows the title, which staff edit: see expireTime in next.config.ts.
export const revalidate = 5;
export const size = SHARE_IMAGE_SIZE;
export const contentType = "image/png";
export const alt = "The petition's title and its live count of verified signatures";

export default async function Image({ params }: { params: Promise<{ slug: string; locale: string }> }) {
  const { slug, locale } = await params;
  const [petition, totals] = await Promise.all([
    getPetition(slug, localeOf(locale)),
    getPetitionTotals(slug),
  ]);
  return renderShareImage({
    eyebrow: petition ? `Petition to ${petition.target}` : "Petition",
    title: petition?.title ?? "Petition",
    total: totals ? { value: totals.verified, label: "verified signatures" } : null,
    locale: localeOf(locale),
  });
}

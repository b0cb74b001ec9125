import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { localeOf } from "@/lib/domain/locale";
import { languageAlternates } from "@/lib/http/language-alternates";
import { ImpactFigureGrid } from "@/components/campaign/impact-figure-grid";
import { StoryContents } from "@/components/campaign/story-contents";
import { getFeaturedCampaign } from "@/db/queries/campaigns";
import { getPetitionTotals } from "@/db/queries/petitions";
import { listStoryPages } from "@/db/queries/story";
import { HomeHero } from "./_components/home-hero";

// Prerendered, then refreshed in the background every few seconds, so that staff edits reach
// every instance quickly (see expireTime in next.config.ts); the live counts update in the browser.
export const revalidate = 5;

export async function generateMetadata({ params }: PageProps<"/[locale]">): Promise<Metadata> {
  const campaign = await getFeaturedCampaign();
  const alternates = languageAlternates(localeOf((await params).locale), "/");
  return campaign
    ? { title: { absolute: campaign.headline }, description: campaign.summary, alternates }
    : { alternates };
}

export default async function HomePage({ params }: PageProps<"/[locale]">) {
  const locale = localeOf((await params).locale);
  const [campaign, t] = await Promise.all([
    getFeaturedCampaign(locale),
    getTranslations({ locale, namespace: "homePage" }),
  ]);
  if (!campaign) return <p>{t("noCampaign")}</p>;
  const { petition, pledge } = campaign;
  const [petitionTotals, story] = await Promise.all([
    petition ? getPetitionTotals(petition.slug) : null,
    listStoryPages(locale),
  ]);

  return (
    <div className="space-y-14">
      <HomeHero
        {...campaign}
        petitionTotals={petitionTotals}
        pledgeSlug={pledge?.slug ?? null}
        locale={locale}
      />
      <section aria-labelledby="impact-heading" className="space-y-3">
        <h2 id="impact-heading" className="font-serif text-2xl font-semibold">
          {t("impactHeading", { cause: campaign.causeName })}
        </h2>
        <ImpactFigureGrid
          figures={campaign.figures}
          cause={{ name: campaign.causeName, url: campaign.causeUrl }}
          locale={locale}
        />
      </section>
      {story.length > 0 ? (
        <section aria-labelledby="story-heading" className="space-y-3">
          <h2 id="story-heading" className="font-serif text-2xl font-semibold">
            {t("storyHeading", { count: story.length })}
          </h2>
          <StoryContents pages={story} locale={locale} />
        </section>
      ) : null}
    </div>
  );
}

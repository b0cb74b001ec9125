import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { localeOf, localizedPath } from "@/lib/domain/locale";
import { languageAlternates } from "@/lib/http/language-alternates";

export async function generateMetadata({ params }: PageProps<"/[locale]/about">): Promise<Metadata> {
  const locale = localeOf((await params).locale);
  const t = await getTranslations({ locale, namespace: "aboutPage" });
  return {
    title: t("title"),
    description: t("description"),
    alternates: languageAlternates(locale, "/about"),
  };
}

export default async function AboutPage({ params }: PageProps<"/[locale]/about">) {
  const locale = localeOf((await params).locale);
  const t = await getTranslations({ locale, namespace: "aboutPage" });
  return (
    <div className="max-w-prose space-y-4 text-lg">
      <h1 className="font-serif text-4xl font-bold tracking-tight">{t("heading")}</h1>
      <p>{t("whatUpstandIs")}</p>
      <h2 className="pt-4 font-serif text-2xl font-semibold">{t("thisCampaign")}</h2>
      <p>{t("demonstration")}</p>
      <p>{t("figures")}</p>
      <h2 className="pt-4 font-serif text-2xl font-semibold">{t("howWeWrite")}</h2>
      <p>{t.rich("care", { link: (words) => <Link href={localizedPath(locale, "/help")}>{words}</Link> })}</p>
      <p>
        {t.rich("privacy", {
          link: (words) => <Link href={localizedPath(locale, "/privacy")}>{words}</Link>,
        })}
      </p>
    </div>
  );
}

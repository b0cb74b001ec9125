import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { HelpResourceList } from "@/components/layout/help-resource-list";
import { localeOf } from "@/lib/domain/locale";
import { languageAlternates } from "@/lib/http/language-alternates";
import { helpResourcesIn } from "@/lib/i18n/help-resources";

export async function generateMetadata({ params }: PageProps<"/[locale]/help">): Promise<Metadata> {
  const locale = localeOf((await params).locale);
  const t = await getTranslations({ locale, namespace: "helpPage" });
  return {
    title: t("title"),
    description: t("description"),
    alternates: languageAlternates(locale, "/help"),
  };
}

export default async function HelpPage({ params }: PageProps<"/[locale]/help">) {
  const locale = localeOf((await params).locale);
  const t = await getTranslations({ locale, namespace: "helpPage" });
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <h1 className="font-serif text-4xl font-bold tracking-tight">{t("title")}</h1>
        <p className="max-w-prose text-lg">{t("intro")}</p>
      </header>
      <HelpResourceList resources={await helpResourcesIn(locale)} />
      <section aria-labelledby="good-to-know" className="max-w-prose space-y-3">
        <h2 id="good-to-know" className="font-serif text-2xl font-semibold">
          {t("goodToKnow")}
        </h2>
        <ul className="list-disc space-y-2 ps-5">
          <li>{t("neverShare")}</li>
          <li>{t("notTheirFault")}</li>
          <li>{t("leaveQuickly")}</li>
        </ul>
        <p className="text-sm text-muted">{t("languages")}</p>
        <p className="text-sm text-muted">{t("checked")}</p>
      </section>
    </div>
  );
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { localizedPath, type Locale } from "@/lib/domain/locale";
import { helpResourcesIn } from "@/lib/i18n/help-resources";
import { HelpResourceList } from "./help-resource-list";

export async function SiteFooter({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "siteFooter" });
  const help = localizedPath(locale, "/help");
  return (
    <footer className="mt-12 border-t border-line bg-ink/[0.03]">
      <section aria-labelledby="help-heading" className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        <h2 id="help-heading" className="text-base font-semibold">
          {t("helpHeading")}
        </h2>
        <p className="mb-4 mt-1 text-sm text-muted">
          {t.rich("helpIntro", { link: (words) => <Link href={help}>{words}</Link> })}
        </p>
        <HelpResourceList resources={await helpResourcesIn(locale)} compact />
      </section>
      <div className="border-t border-line">
        <nav
          aria-label={t("siteNavigation")}
          className="mx-auto flex max-w-6xl flex-wrap gap-x-5 gap-y-1 px-4 py-4 text-sm sm:px-6"
        >
          <Link href={localizedPath(locale, "/about")}>{t("about")}</Link>
          <Link href={localizedPath(locale, "/privacy")}>{t("privacy")}</Link>
          <Link href={localizedPath(locale, "/your-data")}>{t("yourData")}</Link>
          <Link href={help}>{t("help")}</Link>
        </nav>
      </div>
    </footer>
  );
}

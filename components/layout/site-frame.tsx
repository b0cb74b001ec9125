import { getTranslations } from "next-intl/server";
import type { SiteNavigation } from "@/db/queries/site";
import type { Locale } from "@/lib/domain/locale";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";

/** The public pages' frame: skip link, header with "Leave quickly", the page, help in the footer. */
export async function SiteFrame({
  locale,
  navigation,
  children,
}: {
  locale: Locale;
  navigation: SiteNavigation;
  children: React.ReactNode;
}) {
  const t = await getTranslations({ locale, namespace: "siteFrame" });
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:inset-s-2 focus:top-2 focus:z-40 focus:rounded focus:bg-paper focus:p-2"
      >
        {t("skipToContent")}
      </a>
      <SiteHeader locale={locale} {...navigation} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6 sm:py-12">
        {children}
      </main>
      <SiteFooter locale={locale} />
    </>
  );
}

import { SiteFrame } from "@/components/layout/site-frame";
import { getSiteNavigation } from "@/db/queries/site";
import { DEFAULT_LOCALE, isLocale } from "@/lib/domain/locale";

export default async function SiteLayout({ children, params }: LayoutProps<"/[locale]">) {
  const { locale } = await params;
  return (
    <SiteFrame locale={isLocale(locale) ? locale : DEFAULT_LOCALE} navigation={await getSiteNavigation()}>
      {children}
    </SiteFrame>
  );
}

import { SiteFrame } from "@/components/layout/site-frame";
import { getSiteNavigation } from "@/db/queries/site";
import { localeOf } from "@/lib/domain/locale";
import { setRenderLocale } from "@/lib/i18n/render-locale";

export default async function SiteLayout({ children, params }: LayoutProps<"/[locale]">) {
  const locale = localeOf((await params).locale);
  // For ./not-found.tsx, which Next.js renders without params.
  setRenderLocale(locale);
  return (
    <SiteFrame locale={locale} navigation={await getSiteNavigation()}>
      {children}
    </SiteFrame>
  );
}

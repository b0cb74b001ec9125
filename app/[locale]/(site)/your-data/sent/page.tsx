import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/layout/notice";
import { linkPageMetadata } from "@/lib/i18n/link-page-metadata";
import { localeOf, localizedPath } from "@/lib/domain/locale";
import { YOUR_DATA_LINK_TTL_HOURS } from "@/lib/domain/your-data";

type Props = { params: Promise<{ locale: string }> };

export function generateMetadata({ params }: Props): Promise<Metadata> {
  return linkPageMetadata(params, "yourDataPage");
}

// The one answer to every request, whether or not the address is known.
export default async function YourDataSentPage({ params }: Props) {
  const locale = localeOf((await params).locale);
  const t = await getTranslations({ locale, namespace: "yourDataPage" });
  return (
    <Notice title={t("sentTitle")}>
      <p role="status">{t("sentText", { hours: YOUR_DATA_LINK_TTL_HOURS })}</p>
      <Link href={localizedPath(locale, "/your-data")}>{t("askAgain")}</Link>
    </Notice>
  );
}

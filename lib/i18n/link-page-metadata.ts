import "server-only";

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { localeOf } from "@/lib/domain/locale";

type LinkPage = "confirmPage" | "withdrawPage" | "unsubscribePage" | "fulfilPage" | "yourDataPage";

/**
 * The metadata of a page an emailed link opens: its title in the page's language, and kept out
 * of search engines (the address holds someone's token).
 */
export async function linkPageMetadata(
  params: Promise<{ locale: string }>,
  page: LinkPage,
): Promise<Metadata> {
  const t = await getTranslations({ locale: localeOf((await params).locale), namespace: page });
  return { title: t("metaTitle"), robots: { index: false } };
}

import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/domain/locale";
import { Notice } from "./notice";

/** For an emailed link that matches nothing: most often one cut short when it was copied. */
export async function BrokenLinkNotice({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "brokenLink" });
  return (
    <Notice title={t("title")}>
      <p>{t("explanation")}</p>
    </Notice>
  );
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { localizedPath, type Locale } from "@/lib/domain/locale";

/** Where anyone can check the count: the petition's integrity page. */
export async function IntegrityLink({ slug, locale }: { slug: string; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "integrityPage" });
  return (
    <p>
      <Link href={localizedPath(locale, `/petition/${slug}/integrity`)}>{t("pageLink")}</Link>
    </p>
  );
}

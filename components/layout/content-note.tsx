import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/domain/locale";

export async function ContentNote({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "contentNote" });
  return (
    <aside
      aria-label={t("label")}
      className="rounded-lg border-s-4 border-accent bg-accent/5 px-4 py-3 text-sm"
    >
      <strong className="font-semibold">{t("lead")}</strong> {t("text")}
    </aside>
  );
}

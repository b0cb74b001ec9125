import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { localizedPath, type Locale } from "@/lib/domain/locale";
import { Notice } from "./notice";

/** What an unknown address shows, inside the site's frame: calm words and the ways on. */
export async function NotFoundNotice({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "notFound" });
  return (
    <Notice title={t("title")}>
      <p>{t("explanation")}</p>
      <ul className="flex flex-wrap gap-3">
        <li>
          <Link href={localizedPath(locale, "/")} className="button-primary">
            {t("home")}
          </Link>
        </li>
        <li>
          <Link href={localizedPath(locale, "/story")} className="button-secondary">
            {t("story")}
          </Link>
        </li>
        <li>
          <Link href={localizedPath(locale, "/help")} className="button-secondary">
            {t("help")}
          </Link>
        </li>
      </ul>
      <p className="text-sm text-muted">{t("helpBelow")}</p>
    </Notice>
  );
}

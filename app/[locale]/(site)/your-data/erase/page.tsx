import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/layout/notice";
import { listYourSupport } from "@/db/queries/your-data";
import { linkPageMetadata } from "@/lib/i18n/link-page-metadata";
import { localeOf, localizedPath } from "@/lib/domain/locale";
import { eraseYourDataAction } from "@/lib/actions/your-data";
import { currentYourDataSession } from "@/lib/your-data/session";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ retry?: string }>;
};

export function generateMetadata({ params }: Props): Promise<Metadata> {
  return linkPageMetadata(params, "yourDataPage");
}

// The confirmation step before erasing: nothing is erased until its button is pressed.
export default async function EraseYourDataPage({ params, searchParams }: Props) {
  const locale = localeOf((await params).locale);
  const retry = (await searchParams).retry === "1";
  const session = await currentYourDataSession();
  if (!session) redirect(localizedPath(locale, "/your-data?error=ended"));
  const [rows, t] = await Promise.all([
    listYourSupport(session),
    getTranslations({ locale, namespace: "yourDataPage" }),
  ]);
  return (
    <Notice title={t("eraseConfirmTitle")}>
      <p>{t("eraseConfirmText", { count: rows.length })}</p>
      <form action={eraseYourDataAction} className="flex flex-wrap items-center gap-4">
        {retry ? <p role="alert">{t("retry")}</p> : null}
        <input type="hidden" name="locale" value={locale} />
        <button type="submit" className="button-primary">
          {t("eraseConfirmButton")}
        </button>
        <Link href={localizedPath(locale, "/your-data")}>{t("eraseCancel")}</Link>
      </form>
    </Notice>
  );
}

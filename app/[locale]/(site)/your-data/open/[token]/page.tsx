import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/layout/notice";
import { getYourDataLinkState } from "@/db/queries/your-data";
import { linkPageMetadata } from "@/lib/i18n/link-page-metadata";
import { localeOf, localizedPath } from "@/lib/domain/locale";
import { YOUR_DATA_LINK_TTL_HOURS, YOUR_DATA_SESSION_MINUTES } from "@/lib/domain/your-data";
import { openYourDataAction } from "@/lib/actions/your-data";
import { hashToken } from "@/lib/signing/tokens";
import { linkTokenSchema } from "@/lib/validation/links";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string; token: string }>;
  searchParams: Promise<{ retry?: string }>;
};

export function generateMetadata({ params }: Props): Promise<Metadata> {
  return linkPageMetadata(params, "yourDataPage");
}

const TITLES = { used: "linkUsedTitle", expired: "linkExpiredTitle", unknown: "linkUnknownTitle" } as const;

// Opening this page changes nothing (mail scanners open links); only its button uses the link.
export default async function OpenYourDataPage({ params, searchParams }: Props) {
  const { locale: segment, token } = await params;
  const locale = localeOf(segment);
  const retry = (await searchParams).retry === "1";
  const [state, t] = await Promise.all([
    linkTokenSchema.safeParse(token).success ? getYourDataLinkState(hashToken(token)) : null,
    getTranslations({ locale, namespace: "yourDataPage" }),
  ]);
  if (state !== "open") {
    return (
      <Notice title={t(TITLES[state ?? "unknown"])}>
        <p>{t("linkCalmText", { hours: YOUR_DATA_LINK_TTL_HOURS })}</p>
        <Link href={localizedPath(locale, "/your-data")} className="button-primary">
          {t("newLink")}
        </Link>
      </Notice>
    );
  }
  return (
    <Notice title={t("openTitle")}>
      <p>{t("openText", { minutes: YOUR_DATA_SESSION_MINUTES })}</p>
      <form action={openYourDataAction}>
        {retry ? <p role="alert">{t("retry")}</p> : null}
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="locale" value={locale} />
        <button type="submit" className="button-primary">
          {t("openButton")}
        </button>
      </form>
    </Notice>
  );
}

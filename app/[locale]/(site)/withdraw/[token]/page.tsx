import type { Metadata } from "next";
import { linkPageMetadata } from "@/lib/i18n/link-page-metadata";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BrokenLinkNotice } from "@/components/layout/broken-link-notice";
import { localeOf, localizedPath } from "@/lib/domain/locale";
import { Notice } from "@/components/layout/notice";
import { getSupportToken } from "@/db/queries/support-tokens";
import { hashToken } from "@/lib/signing/tokens";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string; token: string }>;
  searchParams: Promise<{ retry?: string }>;
};

export function generateMetadata({ params }: Props): Promise<Metadata> {
  return linkPageMetadata(params, "withdrawPage");
}

// As with confirming: opening the page changes nothing; only its button withdraws.
export default async function WithdrawPage({ params, searchParams }: Props) {
  const { locale: segment, token } = await params;
  const locale = localeOf(segment);
  const retry = (await searchParams).retry === "1";
  const [link, t] = await Promise.all([
    getSupportToken(hashToken(token), "withdraw"),
    getTranslations({ locale, namespace: "withdrawPage" }),
  ]);
  if (!link) return <BrokenLinkNotice locale={locale} />;
  const words = { kind: link.kind, title: link.title };
  if (link.state === "withdrawn") {
    return (
      <Notice title={t("withdrawnTitle", words)}>
        <p>{t("withdrawnText", words)}</p>
        <Link href={localizedPath(locale, `/${link.kind}/${link.slug}`)}>{t("goTo", words)}</Link>
      </Notice>
    );
  }
  if (link.state === "rejected" || link.isExpired) {
    return (
      <Notice title={t("nothingTitle")}>
        <p>{t("nothingText", words)}</p>
      </Notice>
    );
  }
  return (
    <Notice title={t("askTitle", words)}>
      <p>{t.rich("askText", { ...words, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <form method="post" action="/api/links/withdraw">
        {retry ? <p role="alert">{t("retry")}</p> : null}
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="kind" value={link.kind} />
        <button type="submit" className="button-primary">
          {t("button", words)}
        </button>
      </form>
    </Notice>
  );
}

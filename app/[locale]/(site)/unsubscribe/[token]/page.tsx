import type { Metadata } from "next";
import { linkPageMetadata } from "@/lib/i18n/link-page-metadata";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BrokenLinkNotice } from "@/components/layout/broken-link-notice";
import { localeOf, localizedPath } from "@/lib/domain/locale";
import { Notice } from "@/components/layout/notice";
import { getUpdatesLink } from "@/db/queries/updates";
import { hashToken } from "@/lib/signing/tokens";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string; token: string }>;
  searchParams: Promise<{ retry?: string }>;
};

export function generateMetadata({ params }: Props): Promise<Metadata> {
  return linkPageMetadata(params, "unsubscribePage");
}

// The "stop updates" link in an email's footer. Opening it changes nothing (mail scanners follow
// links); its button posts, as a mail program's one-click unsubscribe does (RFC 8058).
export default async function UnsubscribePage({ params, searchParams }: Props) {
  const { locale: segment, token } = await params;
  const locale = localeOf(segment);
  const retry = (await searchParams).retry === "1";
  const [link, t] = await Promise.all([
    getUpdatesLink(hashToken(token)),
    getTranslations({ locale, namespace: "unsubscribePage" }),
  ]);
  if (!link) return <BrokenLinkNotice locale={locale} />;
  const words = { kind: link.kind, title: link.title, campaign: link.campaignName };
  if (!link.wantsUpdates) {
    return (
      <Notice title={t("offTitle")}>
        <p>{t("offText", words)}</p>
      </Notice>
    );
  }
  if (link.isExpired) {
    return (
      <Notice title={t("expiredTitle")}>
        <p>
          {t.rich("expiredText", {
            ...words,
            link: (chunks) => <Link href={localizedPath(locale, "/privacy")}>{chunks}</Link>,
          })}
        </p>
      </Notice>
    );
  }
  return (
    <Notice title={t("askTitle", words)}>
      <p>{t("askText", words)}</p>
      <form method="post" action="/api/links/unsubscribe">
        {retry ? <p role="alert">{t("retry")}</p> : null}
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="from" value="page" />
        <button type="submit" className="button-primary">
          {t("button")}
        </button>
      </form>
    </Notice>
  );
}

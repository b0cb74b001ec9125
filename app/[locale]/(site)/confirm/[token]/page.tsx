import type { Metadata } from "next";
import { linkPageMetadata } from "@/lib/i18n/link-page-metadata";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getShareWords } from "@/components/campaign/action-words";
import { ShareActions } from "@/components/campaign/share-actions";
import { BrokenLinkNotice } from "@/components/layout/broken-link-notice";
import { localeOf, localizedPath } from "@/lib/domain/locale";
import { Notice } from "@/components/layout/notice";
import { getSupportToken } from "@/db/queries/support-tokens";
import { getSiteNavigation } from "@/db/queries/site";
import { siteUrl } from "@/lib/http/site-url";
import { CONFIRM_TOKEN_TTL_DAYS } from "@/lib/domain/support-links";
import { hashToken } from "@/lib/signing/tokens";
import { ConfirmedReceipt } from "./_components/confirmed-receipt";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string; token: string }>;
  searchParams: Promise<{ retry?: string }>;
};

export function generateMetadata({ params }: Props): Promise<Metadata> {
  return linkPageMetadata(params, "confirmPage");
}

// Opening this page changes nothing (mail scanners open links); only its button confirms.
export default async function ConfirmPage({ params, searchParams }: Props) {
  const { locale: segment, token } = await params;
  const locale = localeOf(segment);
  const retry = (await searchParams).retry === "1";
  const [link, navigation, t, shareWords] = await Promise.all([
    getSupportToken(hashToken(token), "confirm"),
    getSiteNavigation(),
    getTranslations({ locale, namespace: "confirmPage" }),
    getShareWords(locale),
  ]);
  if (!link) return <BrokenLinkNotice locale={locale} />;
  const isPledge = link.kind === "pledge";
  const words = { kind: link.kind, title: link.title };
  const page = localizedPath(locale, `/${link.kind}/${link.slug}`);
  const goTo = <Link href={page}>{t("goTo", words)}</Link>;
  if (link.state === "verified") {
    const url = new URL(`${page}?ref=${link.referralCode}`, siteUrl()).toString();
    return (
      <Notice title={t("confirmedTitle", words)}>
        <p>{t("confirmedThanks", words)}</p>
        <ShareActions url={url} title={link.title} text={t("shareText", words)} words={shareWords} />
        {isPledge ? null : <ConfirmedReceipt tokenHash={hashToken(token)} slug={link.slug} locale={locale} />}
        {!isPledge && navigation.pledgeSlug ? (
          <Link href={localizedPath(locale, `/pledge/${navigation.pledgeSlug}`)} className="button-secondary">
            {t("nextPledge")}
          </Link>
        ) : null}
      </Notice>
    );
  }
  if (link.state === "held") {
    return (
      <Notice title={t("confirmedTitle", words)}>
        <p>{t("held", words)}</p>
        {isPledge ? null : <ConfirmedReceipt tokenHash={hashToken(token)} slug={link.slug} locale={locale} />}
        {goTo}
      </Notice>
    );
  }
  // A withdrawn supporter who signs again is sent a fresh confirm link: it counts them again.
  const canConfirm = link.state === "pending" || (link.state === "withdrawn" && !link.isUsed);
  if (!canConfirm) {
    return (
      <Notice title={t("cannotTitle", words)}>
        <p>{t("cannotText", words)}</p>
        {goTo}
      </Notice>
    );
  }
  if (link.isExpired) {
    return (
      <Notice title={t("expiredTitle")}>
        <p>{t("expiredText", { ...words, days: CONFIRM_TOKEN_TTL_DAYS })}</p>
        {goTo}
      </Notice>
    );
  }
  return (
    <Notice title={t("askTitle", words)}>
      <p>{t.rich("askText", { ...words, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <form method="post" action="/api/links/confirm">
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

import type { Metadata } from "next";
import { linkPageMetadata } from "@/lib/i18n/link-page-metadata";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BrokenLinkNotice } from "@/components/layout/broken-link-notice";
import { localeOf, localizedPath } from "@/lib/domain/locale";
import { Notice } from "@/components/layout/notice";
import { getFulfilment } from "@/db/queries/commitments";
import { hashToken } from "@/lib/signing/tokens";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string; token: string }>;
  searchParams: Promise<{ retry?: string }>;
};

export function generateMetadata({ params }: Props): Promise<Metadata> {
  return linkPageMetadata(params, "fulfilPage");
}

// The page the one follow-up email links to. Opening it changes nothing; each button does.
export default async function FulfilPage({ params, searchParams }: Props) {
  const { locale: segment, token } = await params;
  const locale = localeOf(segment);
  const retry = (await searchParams).retry === "1";
  const [fulfilment, t] = await Promise.all([
    getFulfilment(hashToken(token)),
    getTranslations({ locale, namespace: "fulfilPage" }),
  ]);
  if (!fulfilment) return <BrokenLinkNotice locale={locale} />;
  const pledgePage = localizedPath(locale, `/pledge/${fulfilment.pledgeSlug}`);
  if (fulfilment.isExpired) {
    return (
      <Notice title={t("expiredTitle")}>
        <p>{t("expiredThanks")}</p>
        <Link href={pledgePage}>{t("goToPledge")}</Link>
      </Notice>
    );
  }
  return (
    <Notice title={t("title")}>
      <p>{t("intro", { name: fulfilment.firstName, title: fulfilment.pledgeTitle })}</p>
      {retry ? <p role="alert">{t("retry")}</p> : null}
      <ul className="space-y-3">
        {fulfilment.commitments.map((commitment) => (
          <li key={commitment.slug} className="rounded-xl border border-line p-4">
            <p className="font-semibold">{commitment.title}</p>
            {commitment.isFulfilled ? (
              <p data-testid="fulfilled">{t("done")}</p>
            ) : (
              <form method="post" action="/api/links/fulfil">
                <input type="hidden" name="token" value={token} />
                <input type="hidden" name="locale" value={locale} />
                <input type="hidden" name="commitment" value={commitment.slug} />
                <button
                  type="submit"
                  className="button-primary"
                  aria-label={t("didItLabel", { commitment: commitment.title })}
                >
                  {t("didIt")}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      <Link href={pledgePage}>{t("seeEveryone")}</Link>
    </Notice>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/layout/notice";
import { isReportAnswer, REPORT_MESSAGE_KEYS } from "@/lib/domain/comment-reports";
import { localeOf, localizedPath } from "@/lib/domain/locale";
import { singleValues, type SearchParams } from "@/lib/http/search-params";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: localeOf((await params).locale), namespace: "commentReported" });
  return { title: t("title"), robots: { index: false } };
}

// Where "Report this comment" lands without JavaScript (POST /api/comments/{id}/reports, 303).
export default async function CommentReportedPage({ params, searchParams }: Props) {
  const locale = localeOf((await params).locale);
  const t = await getTranslations({ locale, namespace: "commentReported" });
  const { outcome, petition } = singleValues(await searchParams);
  const answer = isReportAnswer(outcome) ? outcome : "failed";
  const hasPetition = petition !== undefined && /^[\w-]{1,100}$/.test(petition);
  return (
    <Notice title={answer === "failed" || answer === "not-shown" ? t("title") : t("received")}>
      <p>{t(`outcomes.${REPORT_MESSAGE_KEYS[answer]}`)}</p>
      <p>
        <Link href={localizedPath(locale, hasPetition ? `/petition/${petition}` : "/")} className="link">
          {hasPetition ? t("backToPetition") : t("backHome")}
        </Link>
      </p>
    </Notice>
  );
}

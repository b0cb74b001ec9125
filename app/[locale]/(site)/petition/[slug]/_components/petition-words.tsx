import "server-only";
import { getTranslations } from "next-intl/server";
import { REPORT_MESSAGE_KEYS, REPORT_OUTCOMES } from "@/lib/domain/comment-reports";
import type { Locale } from "@/lib/domain/locale";
import type { RecentSignersWords } from "./recent-signers";

/** The recent signers' list and its report button, in the page's language. */
export async function getRecentSignersWords(locale: Locale): Promise<RecentSignersWords> {
  const [t, reported] = await Promise.all([
    getTranslations({ locale, namespace: "petitionPage" }),
    getTranslations({ locale, namespace: "commentReported" }),
  ]);
  const outcomes = Object.fromEntries(
    REPORT_OUTCOMES.map((answer) => [answer, reported(`outcomes.${REPORT_MESSAGE_KEYS[answer]}`)]),
  ) as RecentSignersWords["report"]["outcomes"];
  return {
    heading: t("recentHeading"),
    intro: t("recentIntro"),
    report: { button: t("reportComment"), outcomes },
  };
}

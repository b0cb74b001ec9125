import "server-only";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/domain/locale";
import { getShareWords, getSupporterWords, pluralRaw } from "./action-words";
import type { PledgeFlowWords } from "./pledge-flow";

/** The pledge's steps and its thank-you, in the page's language. */
export async function getPledgeFlowWords(locale: Locale, title: string): Promise<PledgeFlowWords> {
  const [t, confirm, supporter, share] = await Promise.all([
    getTranslations({ locale, namespace: "pledgeFlow" }),
    getTranslations({ locale, namespace: "confirmPage" }),
    getSupporterWords(locale),
    getShareWords(locale),
  ]);
  return {
    steps: {
      commitments: t("steps.commitments"),
      details: t("steps.details"),
      check: t("steps.check"),
    },
    stepOf: String(t.raw("stepOf")),
    stepAnnouncement: String(t.raw("stepAnnouncement")),
    errors: pluralRaw(t, "errors"),
    chooseLegend: t("chooseLegend"),
    startsOnce: String(t.raw("startsOnce")),
    nextDetails: t("nextDetails"),
    nextCheck: t("nextCheck"),
    back: t("back"),
    emailHint: t("emailHint"),
    isPublic: t("isPublic"),
    submit: t("submit"),
    submitting: t("submitting"),
    check: {
      youWill: t("youWill"),
      changeCommitments: t("changeCommitments"),
      youAre: t("youAre"),
      shown: t("shown"),
      notShown: t("notShown"),
      updates: t("updates"),
      noUpdates: t("noUpdates"),
      changeDetails: t("changeDetails"),
    },
    supporter,
    thankYou: {
      heading: t("thanksHeading"),
      text: t.rich("thanksText", { strong: (chunks) => <strong>{chunks}</strong> }),
      askOthers: t("askOthers"),
      shareText: confirm("shareText", { kind: "pledge", title }),
      share,
    },
  };
}

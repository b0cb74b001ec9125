import "server-only";
import { getTranslations } from "next-intl/server";
import { formatNumber } from "@/lib/domain/format";
import type { Locale } from "@/lib/domain/locale";
import { COMMENT_MAX } from "@/lib/validation/supporter-rules";
import { getShareWords, getSupporterWords, pluralRaw } from "./action-words";
import type { SignFormWords } from "./sign-form";

/** The petition form's words and its thank-you's, in the page's language. */
export async function getSignFormWords(locale: Locale, title: string): Promise<SignFormWords> {
  const [t, confirm, supporter, share] = await Promise.all([
    getTranslations({ locale, namespace: "signForm" }),
    getTranslations({ locale, namespace: "confirmPage" }),
    getSupporterWords(locale),
    getShareWords(locale),
  ]);
  return {
    heading: t("heading"),
    errors: pluralRaw(t, "errors"),
    emailHint: t("emailHint"),
    commentLabel: t("commentLabel"),
    commentHint: t("commentHint", { max: formatNumber(COMMENT_MAX, locale) }),
    isPublic: t("isPublic"),
    submit: t("submit"),
    submitting: t("submitting"),
    counter: {
      left: pluralRaw(t, "charactersLeft"),
      over: pluralRaw(t, "charactersOver"),
      overLimit: String(t.raw("overLimit")),
    },
    supporter,
    thankYou: {
      heading: t("thanksHeading"),
      text: t.rich("thanksText", { strong: (chunks) => <strong>{chunks}</strong> }),
      askOthers: t("askOthers"),
      shareText: confirm("shareText", { kind: "petition", title }),
      nextPledge: confirm("nextPledge"),
      share,
    },
  };
}

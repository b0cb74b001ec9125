import "server-only";
import { getTranslations } from "next-intl/server";
import type { ProgressWords } from "@/components/campaign/campaign-progress";
import type { ShareWords } from "@/components/campaign/share-actions";
import type { SupporterWords } from "@/components/forms/supporter-fields";
import { localizedPath, type Locale } from "@/lib/domain/locale";
import type { PluralWords } from "@/lib/i18n/fill";

// The words of the petition's and the pledge's client components, read on the server in the
// page's language and passed down as props (there is no NextIntlClientProvider).

/** A message's forms by count, unformatted: the browser fills in the count as it changes. */
export function pluralRaw(t: { raw: (key: string) => unknown }, key: string): PluralWords {
  return { one: String(t.raw(`${key}.one`)), other: String(t.raw(`${key}.other`)) };
}

export async function getSupporterWords(locale: Locale): Promise<SupporterWords> {
  const t = await getTranslations({ locale, namespace: "supporterFields" });
  return {
    firstName: t("firstName"),
    lastName: t("lastName"),
    email: t("email"),
    country: t("country"),
    postalCode: t("postalCode"),
    postalCodeOptional: t("postalCodeOptional"),
    choices: t("choices"),
    wantsUpdates: t("wantsUpdates"),
    acceptsPrivacy: t.rich("acceptsPrivacy", {
      link: (chunks) => (
        <a href={localizedPath(locale, "/privacy")} target="_blank" rel="noopener">
          {chunks}
        </a>
      ),
    }),
  };
}

export async function getProgressWords(locale: Locale, kind: "petition" | "pledge"): Promise<ProgressWords> {
  const t = await getTranslations({ locale, namespace: "campaignProgress" });
  return {
    live: t("live"),
    goal: String(t.raw("goal")),
    goalLabel: String(t.raw("goalLabel")),
    ofGoal: String(t.raw("ofGoal")),
    sinceMidnight: t("sinceMidnight"),
    counted: pluralRaw(t, `${kind}.counted`),
    today: pluralRaw(t, `${kind}.today`),
    first: t(`${kind}.first`),
    firstHint: t(`${kind}.firstHint`),
  };
}

export async function getShareWords(locale: Locale): Promise<ShareWords> {
  const t = await getTranslations({ locale, namespace: "shareActions" });
  return {
    share: t("share"),
    copy: t("copy"),
    copied: t("copied"),
    email: t("email"),
    newTab: t("newTab"),
    yourLink: t("yourLink"),
  };
}

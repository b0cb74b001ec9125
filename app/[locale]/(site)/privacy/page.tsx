import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { localeOf, localizedPath } from "@/lib/domain/locale";
import { languageAlternates } from "@/lib/http/language-alternates";
import {
  CLOSED_PETITION_RETENTION_MONTHS,
  CLOSED_PLEDGE_RETENTION_MONTHS,
  IP_RETENTION_DAYS,
  PRIVACY_NOTICE_VERSION,
  REJECTED_RETENTION_DAYS,
  UNCONFIRMED_RETENTION_DAYS,
} from "@/lib/domain/privacy";
import { env } from "@/lib/env";

type Props = PageProps<"/[locale]/privacy">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = localeOf((await params).locale);
  const t = await getTranslations({ locale, namespace: "privacyPage" });
  return {
    title: t("title"),
    description: t("description"),
    alternates: languageAlternates(locale, "/privacy"),
  };
}

// What is collected, in the order the form asks for it (messages: privacyPage.collected.*).
const COLLECTED = ["name", "email", "place", "comment", "choices", "ip"] as const;

export default async function PrivacyPage({ params }: Props) {
  const locale = localeOf((await params).locale);
  const t = await getTranslations({ locale, namespace: "privacyPage" });
  // The periods the retention and reminder jobs apply: the same constants and settings they read.
  const config = env();
  return (
    <div className="max-w-prose space-y-4 text-lg">
      <h1 className="font-serif text-4xl font-bold tracking-tight">{t("title")}</h1>
      <p>{t("intro")}</p>
      <h2 className="pt-4 font-serif text-2xl font-semibold">{t("collectedHeading")}</h2>
      <dl className="space-y-3">
        {COLLECTED.map((item) => (
          <div key={item}>
            <dt className="font-semibold">{t(`collected.${item}.what`)}</dt>
            <dd>{t(`collected.${item}.why`, { days: IP_RETENTION_DAYS })}</dd>
          </div>
        ))}
      </dl>
      <h2 className="pt-4 font-serif text-2xl font-semibold">{t("keptHeading")}</h2>
      <ul className="list-disc space-y-2 ps-5">
        <li>{t("unconfirmed", { days: UNCONFIRMED_RETENTION_DAYS })}</li>
        <li>{t("ipErased", { days: IP_RETENTION_DAYS })}</li>
        <li>{t("reports", { days: IP_RETENTION_DAYS })}</li>
        <li>{t("closed", { months: CLOSED_PETITION_RETENTION_MONTHS })}</li>
        <li>{t("closedPledges", { months: CLOSED_PLEDGE_RETENTION_MONTHS })}</li>
        <li>{t("rejected", { days: REJECTED_RETENTION_DAYS })}</li>
        <li>{t("emails", { days: config.OUTBOX_RETENTION_DAYS })}</li>
        <li>{t("reminder", { hours: config.CONFIRM_REMINDER_AFTER_HOURS })}</li>
      </ul>
      <h2 className="pt-4 font-serif text-2xl font-semibold">{t("whoHeading")}</h2>
      <p>{t("who")}</p>
      <h2 className="pt-4 font-serif text-2xl font-semibold">{t("changeHeading")}</h2>
      <p>{t("change")}</p>
      <p>
        {t.rich("yourData", {
          link: (chunks) => <Link href={localizedPath(locale, "/your-data")}>{chunks}</Link>,
        })}
      </p>
      <p className="text-sm text-muted">{t("version", { version: PRIVACY_NOTICE_VERSION })}</p>
    </div>
  );
}

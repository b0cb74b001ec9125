import type { UpdateMailFacts } from "@/db/queries/petition-updates";
import { localizedPath } from "@/lib/domain/locale";
import type { MailContent } from "@/lib/domain/mail";
import { dayInWords, KIND_KEYS } from "@/lib/domain/petition-updates";
import { renderMail } from "@/lib/mail/layout";
import { unsubscribeLinks } from "@/lib/mail/messages";
import { emailWords } from "@/lib/mail/words";

/**
 * A decision-maker update, as emailed to a signer who asked for updates: what happened and when,
 * the staff's text as written, a link to the petition's timeline, and the stop-updates link.
 * The signer's name and token are the stand-ins the database fills in per signer.
 */
export function petitionUpdateMail(facts: UpdateMailFacts, siteUrl: URL): MailContent {
  const { locale } = facts;
  const t = emailWords(locale);
  const kind = t(`petitionUpdate.kinds.${KIND_KEYS[facts.kind]}`);
  return renderMail({
    locale,
    campaignName: facts.campaignName,
    subject: t("petitionUpdate.subject", { kind, title: facts.title }),
    heading: facts.title,
    greeting: t("greeting", { firstName: facts.firstName }),
    blocks: [
      { paragraph: t("petitionUpdate.intro", { petition: facts.petitionTitle }) },
      {
        paragraph: `${kind}. ${t("petitionUpdate.happenedOn", { date: dayInWords(facts.happenedOn, locale) })}`,
      },
      ...(facts.hearingOn
        ? [{ paragraph: t("petitionUpdate.hearingOn", { date: dayInWords(facts.hearingOn, locale) }) }]
        : []),
      ...facts.body
        .split(/\n\s*\n/)
        .map((paragraph) => paragraph.trim())
        .filter(Boolean)
        .map((paragraph) => ({ paragraph })),
      {
        action: {
          label: t("petitionUpdate.action"),
          url: new URL(
            `${localizedPath(locale, `/petition/${facts.petitionSlug}`)}#updates-heading`,
            siteUrl,
          ).toString(),
        },
      },
    ],
    footer: {
      reason: t("petitionUpdate.footerReason", { title: facts.petitionTitle }),
      privacyUrl: new URL(localizedPath(locale, "/privacy"), siteUrl).toString(),
      yourDataUrl: new URL(localizedPath(locale, "/your-data"), siteUrl).toString(),
      unsubscribe: unsubscribeLinks(siteUrl, facts.unsubscribeToken, locale),
    },
  });
}

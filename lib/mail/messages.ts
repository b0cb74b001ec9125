import { formatDate, formatNumber } from "@/lib/domain/format";
import { DEFAULT_LOCALE, localizedPath, type Locale } from "@/lib/domain/locale";
import type { MailContent } from "@/lib/domain/mail";
import { UNCONFIRMED_RETENTION_DAYS } from "@/lib/domain/privacy";
import { CONFIRM_TOKEN_TTL_DAYS } from "@/lib/domain/support-links";
import { YOUR_DATA_LINK_TTL_HOURS } from "@/lib/domain/your-data";
import { renderMail, type MailBlock, type MailFooter } from "@/lib/mail/layout";
import { emailWords, type EmailWords } from "@/lib/mail/words";

// The emails a supporter or a member of staff receives, each in the campaign's name, as plain
// text and HTML (lib/mail/layout.ts). Links are absolute, built on SITE_URL. Each says what is
// true for that person when it is written: pending, counted, withdrawn. A supporter's emails are
// written in their language, words from messages/*.json (`emails`), links to that language's
// pages; the staff's sign-in email is in English, as the console is.

export type { MailContent } from "@/lib/domain/mail";

export interface SupportMailContext {
  kind: "petition" | "pledge";
  firstName: string;
  /** The petition's or pledge's title, in the supporter's language where it is translated. */
  title: string;
  /** The campaign's name: the sender's name, and the name the email is signed with. */
  campaignName: string;
  siteUrl: URL;
  /** When this address was entered on the form (now, for a first email): the footer says so. */
  enteredAt: Date;
  /** The token of their "stop updates" link, when they asked for updates; else null. */
  unsubscribeToken: string | null;
  /** The supporter's language (lib/domain/preferred-language.ts mailLocaleOf): the words, dates, numbers and links. */
  locale?: Locale;
}

/** An absolute link to a public page in the reader's language (`/es/confirm/…` for Spanish). */
const link = (siteUrl: URL, path: string, locale: Locale = DEFAULT_LOCALE) =>
  new URL(localizedPath(locale, path), siteUrl).toString();

/** "December 1, 2026" / "1 de diciembre de 2026". */
const mailDate = (date: Date, locale: Locale = DEFAULT_LOCALE) =>
  formatDate(date, locale, { dateStyle: "long", timeZone: "UTC" });

function supportFooter(context: SupportMailContext, t: EmailWords): MailFooter {
  const { siteUrl, unsubscribeToken, locale } = context;
  return {
    reason: t(`${context.kind}.footerReason`, {
      title: context.title,
      date: mailDate(context.enteredAt, locale),
    }),
    privacyUrl: link(siteUrl, "/privacy", locale),
    yourDataUrl: link(siteUrl, "/your-data", locale),
    ...(unsubscribeToken ? { unsubscribe: unsubscribeLinks(siteUrl, unsubscribeToken, locale) } : {}),
  };
}

/** The page with a button (a GET never acts), and the address mail programs post to (RFC 8058). */
export function unsubscribeLinks(siteUrl: URL, token: string, locale: Locale = DEFAULT_LOCALE) {
  return {
    pageUrl: link(siteUrl, `/unsubscribe/${token}`, locale),
    oneClickUrl: new URL(`/api/links/unsubscribe?token=${token}`, siteUrl).toString(),
  };
}

const deletionNotice = (context: SupportMailContext, t: EmailWords, deletedOn: Date): MailBlock => ({
  paragraph: t(`${context.kind}.deletionNotice`, { date: mailDate(deletedOn, context.locale) }),
});

const deletionDate = (enteredAt: Date) =>
  new Date(enteredAt.getTime() + UNCONFIRMED_RETENTION_DAYS * 86_400_000);

/** The first email: confirm (and, at any time, withdraw). A pledge's lists what was promised. */
export function confirmSupportMail(
  context: SupportMailContext,
  tokens: { confirm: string; withdraw: string },
  commitments: string[] = [],
): MailContent {
  const { kind, locale, siteUrl } = context;
  const t = emailWords(locale);
  const heading = t(`${kind}.confirmHeading`);
  return renderMail({
    locale,
    campaignName: context.campaignName,
    subject: t("subjectWithTitle", { heading, title: context.title }),
    heading,
    greeting: t("greeting", { firstName: context.firstName }),
    blocks: [
      { paragraph: t(`${kind}.thanks`, { title: context.title }) },
      ...(commitments.length > 0 ? [{ paragraph: t("pledge.promised") }, { list: commitments }] : []),
      { paragraph: t(`${kind}.countsOnceConfirmed`, { days: CONFIRM_TOKEN_TTL_DAYS }) },
      {
        action: {
          label: t(`${kind}.confirmAction`),
          url: link(siteUrl, `/confirm/${tokens.confirm}`, locale),
        },
      },
      { paragraph: t(`${kind}.changedMind`) },
      {
        action: {
          label: t(`${kind}.withdrawAction`),
          url: link(siteUrl, `/withdraw/${tokens.withdraw}`, locale),
        },
      },
      deletionNotice(context, t, deletionDate(context.enteredAt)),
    ],
    footer: supportFooter(context, t),
  });
}

/**
 * The one reminder to a supporter who has not confirmed (lib/jobs/confirm-reminders.ts), with a
 * fresh confirm link: the first one's token is stored only as a hash. `linkDays`: how long it works.
 */
export function confirmReminderMail(
  context: SupportMailContext,
  confirmToken: string,
  linkDays: number,
): MailContent {
  const { kind, locale, siteUrl } = context;
  const t = emailWords(locale);
  const date = mailDate(context.enteredAt, locale);
  return renderMail({
    locale,
    campaignName: context.campaignName,
    subject: t(`reminder.${kind}.subject`, { title: context.title }),
    heading: t(`reminder.${kind}.heading`),
    greeting: t("greeting", { firstName: context.firstName }),
    blocks: [
      { paragraph: t(`reminder.${kind}.body`, { title: context.title, date, days: linkDays }) },
      {
        action: {
          label: t(`reminder.${kind}.action`),
          url: link(siteUrl, `/confirm/${confirmToken}`, locale),
        },
      },
      {
        paragraph: t("reminder.onlyOnce", {
          date: mailDate(deletionDate(context.enteredAt), locale),
        }),
      },
    ],
    footer: supportFooter(context, t),
  });
}

/**
 * Where a supporter stands when someone signs or pledges again with their address, read under a
 * lock in the transaction that writes the notice (db/queries/supporters.ts recordRepeat), with the
 * link that state calls for: a fresh confirm link while pending or after withdrawing (confirming
 * it counts them again), a fresh withdraw link once counted, none otherwise.
 */
export type RepeatNotice =
  | { state: "pending"; enteredAt: Date; confirmToken: string }
  | { state: "verified"; enteredAt: Date; withdrawToken: string }
  | { state: "withdrawn"; enteredAt: Date; withdrawnAt: Date | null; confirmToken: string }
  | { state: "other"; enteredAt: Date };

/**
 * Sent instead of a second confirmation, so the form never reveals who has signed or pledged.
 * `context.enteredAt` is when the address was used again; `notice.enteredAt` the first time.
 * Written in the language stored with the first signature or pledge: it goes to that address's
 * owner, who may not be the one who used it again.
 */
export function alreadySupportedMail(context: SupportMailContext, notice: RepeatNotice): MailContent {
  const { kind, locale, siteUrl } = context;
  const t = emailWords(locale);
  const tried = t("repeatTried", { title: context.title, date: mailDate(context.enteredAt, locale) });
  const since = mailDate(notice.enteredAt, locale);
  let heading: string;
  let blocks: MailBlock[];
  switch (notice.state) {
    case "pending":
      heading = t(`${kind}.pendingHeading`);
      blocks = [
        { paragraph: tried },
        { paragraph: t(`${kind}.pendingBody`, { since, days: CONFIRM_TOKEN_TTL_DAYS }) },
        {
          action: {
            label: t(`${kind}.confirmAction`),
            url: link(siteUrl, `/confirm/${notice.confirmToken}`, locale),
          },
        },
        deletionNotice(context, t, deletionDate(notice.enteredAt)),
      ];
      break;
    case "verified":
      heading = t(`${kind}.verifiedHeading`);
      blocks = [
        { paragraph: tried },
        { paragraph: t(`${kind}.verifiedBody`, { since }) },
        { paragraph: t(`${kind}.changedMind`) },
        {
          action: {
            label: t(`${kind}.withdrawAction`),
            url: link(siteUrl, `/withdraw/${notice.withdrawToken}`, locale),
          },
        },
      ];
      break;
    case "withdrawn":
      heading = t(`${kind}.withdrawnHeading`);
      blocks = [
        { paragraph: tried },
        {
          paragraph: notice.withdrawnAt
            ? t(`${kind}.withdrawnOn`, {
                date: mailDate(notice.withdrawnAt, locale),
                days: CONFIRM_TOKEN_TTL_DAYS,
              })
            : t(`${kind}.withdrawnUndated`, { days: CONFIRM_TOKEN_TTL_DAYS }),
        },
        {
          action: {
            label: t(`${kind}.reconfirmAction`),
            url: link(siteUrl, `/confirm/${notice.confirmToken}`, locale),
          },
        },
        { paragraph: t("ignoreNothingChanges") },
      ];
      break;
    default:
      heading = t(`${kind}.otherHeading`);
      blocks = [{ paragraph: tried }];
  }
  return renderMail({
    locale,
    campaignName: context.campaignName,
    subject: t("subjectWithTitle", { heading, title: context.title }),
    heading,
    greeting: t("greeting", { firstName: context.firstName }),
    blocks,
    footer: supportFooter(context, t),
  });
}

/** What the pledge emails after confirmation share: whose campaign, and why the person hears from it. */
export interface PledgeMailContext {
  firstName: string;
  /** The pledge's title, in the taker's language where it is translated. */
  pledgeTitle: string;
  campaignName: string;
  siteUrl: URL;
  /** When they took the pledge. */
  pledgedAt: Date;
  /** The token of their "stop updates" link, when they asked for updates; else null. */
  unsubscribeToken: string | null;
  /** The taker's language (lib/domain/preferred-language.ts mailLocaleOf): the words, dates, numbers and links. */
  locale?: Locale;
}

const pledgeFooter = (context: PledgeMailContext, t: EmailWords): MailFooter => ({
  reason: t("pledge.takenReason", {
    pledge: context.pledgeTitle,
    date: mailDate(context.pledgedAt, context.locale),
  }),
  privacyUrl: link(context.siteUrl, "/privacy", context.locale),
  yourDataUrl: link(context.siteUrl, "/your-data", context.locale),
  ...(context.unsubscribeToken
    ? { unsubscribe: unsubscribeLinks(context.siteUrl, context.unsubscribeToken, context.locale) }
    : {}),
});

/** "I'll do it if N others will": enough people took the commitment, so it is on. */
export function commitmentActivatedMail(
  context: PledgeMailContext & { commitmentTitle: string; threshold: number; pledgeSlug: string },
): MailContent {
  const { locale = DEFAULT_LOCALE } = context;
  const t = emailWords(locale);
  const pledge = context.pledgeTitle;
  return renderMail({
    locale,
    campaignName: context.campaignName,
    subject: t("pledge.activatedSubject", { commitment: context.commitmentTitle }),
    heading: t("pledge.activatedHeading"),
    greeting: t("greeting", { firstName: context.firstName }),
    blocks: [
      {
        paragraph: t("pledge.activatedBody", {
          commitment: context.commitmentTitle,
          pledge,
          threshold: formatNumber(context.threshold, locale),
        }),
      },
      { paragraph: t("pledge.activatedInvite") },
      {
        action: {
          label: t("pledge.activatedAction", { pledge }),
          url: link(context.siteUrl, `/pledge/${context.pledgeSlug}`, locale),
        },
      },
    ],
    footer: pledgeFooter(context, t),
  });
}

/** The one follow-up, some days after confirming: did you do it? */
export function followUpMail(
  context: PledgeMailContext & { commitments: string[]; token: string },
): MailContent {
  const { locale } = context;
  const t = emailWords(locale);
  const pledge = context.pledgeTitle;
  return renderMail({
    locale,
    campaignName: context.campaignName,
    subject: t("pledge.followUpSubject", { pledge }),
    heading: t("pledge.followUpHeading"),
    greeting: t("greeting", { firstName: context.firstName }),
    blocks: [
      { paragraph: t("pledge.followUpIntro", { pledge }) },
      { list: context.commitments },
      { paragraph: t("pledge.followUpBody") },
      {
        action: {
          label: t("pledge.followUpAction"),
          url: link(context.siteUrl, `/fulfil/${context.token}`, locale),
        },
      },
      { paragraph: t("pledge.followUpOnly") },
    ],
    footer: pledgeFooter(context, t),
  });
}

/** How long a link works, in words: "15 minutes", "7 days". */
const lifetime = (minutes: number) =>
  minutes >= 1440 && minutes % 1440 === 0
    ? `${minutes / 1440} day${minutes === 1440 ? "" : "s"}`
    : `${minutes} minute${minutes === 1 ? "" : "s"}`;

/** A staff member's one-time sign-in link: asked for on the sign-in page, or sent with an invitation. */
export function staffSignInMail(context: {
  url: string;
  minutes: number;
  campaignName: string;
  siteUrl: URL;
  invited: boolean;
}): MailContent {
  const staffConsole = `the ${context.campaignName} staff console`;
  return renderMail({
    campaignName: context.campaignName,
    subject: `Your sign-in link for ${staffConsole}`,
    heading: "Your sign-in link",
    greeting: "Hello,",
    blocks: [
      { paragraph: `Open this link and press Sign in to reach ${staffConsole}:` },
      { action: { label: "Sign in to the staff console", url: context.url } },
      {
        paragraph: `It works once, for ${lifetime(context.minutes)}. If you did not expect it, ignore this email: nobody can use it without access to your inbox.`,
      },
    ],
    footer: {
      reason: context.invited
        ? `You received this email because an administrator of ${staffConsole} invited this address.`
        : `You received this email because someone, probably you, asked for a sign-in link to ${staffConsole} with this address.`,
      privacyUrl: link(context.siteUrl, "/privacy"),
      yourDataUrl: link(context.siteUrl, "/your-data"),
    },
  });
}

/**
 * The "Your data" link, asked for on /your-data. Written for any address that is asked for; the
 * outbox sends it only to an address someone signed or pledged with (db/queries/outbox.ts).
 */
export function yourDataLinkMail(context: {
  token: string;
  campaignName: string;
  siteUrl: URL;
  locale?: Locale;
}): MailContent {
  const { locale, siteUrl } = context;
  const t = emailWords(locale);
  const heading = t("yourData.heading");
  return renderMail({
    locale,
    campaignName: context.campaignName,
    subject: t("yourData.subject", { campaign: context.campaignName }),
    heading,
    greeting: t("yourData.greeting"),
    blocks: [
      { paragraph: t("yourData.intro") },
      {
        action: {
          label: t("yourData.action"),
          url: link(siteUrl, `/your-data/open/${context.token}`, locale),
        },
      },
      { paragraph: t("yourData.lifetime", { hours: YOUR_DATA_LINK_TTL_HOURS }) },
    ],
    footer: {
      reason: t("yourData.footerReason"),
      privacyUrl: link(siteUrl, "/privacy", locale),
      yourDataUrl: link(siteUrl, "/your-data", locale),
    },
  });
}

import { formatDate, formatNumber } from "@/lib/domain/format";
import { DEFAULT_LOCALE, type Locale } from "@/lib/domain/locale";
import type { MailContent } from "@/lib/domain/mail";
import { UNCONFIRMED_RETENTION_DAYS } from "@/lib/domain/privacy";
import { renderMail, type MailBlock, type MailFooter } from "@/lib/mail/layout";

// The emails a supporter or a member of staff receives, each in the campaign's name, as plain
// text and HTML (lib/mail/layout.ts). Links are absolute, built on SITE_URL. Each says what is
// true for that person when it is written: pending, counted, withdrawn.

export type { MailContent } from "@/lib/domain/mail";

export interface SupportMailContext {
  kind: "petition" | "pledge";
  firstName: string;
  /** The petition's or pledge's title. */
  title: string;
  /** The campaign's name: the sender's name, and the name the email is signed with. */
  campaignName: string;
  siteUrl: URL;
  /** When this address was entered on the form (now, for a first email): the footer says so. */
  enteredAt: Date;
  /** The token of their "stop updates" link, when they asked for updates; else null. */
  unsubscribeToken: string | null;
  /** The language the email's dates and numbers are written in; English until supporters' languages are stored. */
  locale?: Locale;
}

const link = (siteUrl: URL, path: string) => new URL(path, siteUrl).toString();

/** "December 1, 2026" / "1 de diciembre de 2026". */
const mailDate = (date: Date, locale: Locale = DEFAULT_LOCALE) =>
  formatDate(date, locale, { dateStyle: "long", timeZone: "UTC" });

const WORDS = {
  petition: {
    act: "signing",
    did: "signed",
    thing: "signature",
    again: "sign the petition again",
    confirm: "Confirm your signature",
    reconfirm: "Sign again: confirm your signature",
    withdraw: "Withdraw your signature",
    off: "takes your signature off the petition",
    entered: (title: string) => `this address was entered on the form to sign "${title}"`,
  },
  pledge: {
    act: "taking the pledge",
    did: "taken this pledge",
    thing: "pledge",
    again: "take the pledge again",
    confirm: "Confirm your pledge",
    reconfirm: "Pledge again: confirm your pledge",
    withdraw: "Withdraw your pledge",
    off: "withdraws your pledge",
    entered: (title: string) => `this address was entered on the form to take the pledge "${title}"`,
  },
} as const;

function supportFooter(context: SupportMailContext): MailFooter {
  const { siteUrl, unsubscribeToken } = context;
  return {
    reason: `You received this email because ${WORDS[context.kind].entered(context.title)} on ${mailDate(context.enteredAt, context.locale)}.`,
    privacyUrl: link(siteUrl, "/privacy"),
    ...(unsubscribeToken ? { unsubscribe: unsubscribeLinks(siteUrl, unsubscribeToken) } : {}),
  };
}

/** The page with a button (a GET never acts), and the address mail programs post to (RFC 8058). */
export function unsubscribeLinks(siteUrl: URL, token: string) {
  return {
    pageUrl: link(siteUrl, `/unsubscribe/${token}`),
    oneClickUrl: link(siteUrl, `/api/links/unsubscribe?token=${token}`),
  };
}

const deletionNotice = (context: SupportMailContext, deletedOn: Date): MailBlock => ({
  paragraph: `If you did not ask for this, ignore this email: without confirmation your ${WORDS[context.kind].thing} is never counted, and it is deleted on ${mailDate(deletedOn, context.locale)}.`,
});

const deletionDate = (enteredAt: Date) =>
  new Date(enteredAt.getTime() + UNCONFIRMED_RETENTION_DAYS * 86_400_000);

/** The first email: confirm (and, at any time, withdraw). A pledge's lists what was promised. */
export function confirmSupportMail(
  context: SupportMailContext,
  tokens: { confirm: string; withdraw: string },
  commitments: string[] = [],
): MailContent {
  const words = WORDS[context.kind];
  return renderMail({
    campaignName: context.campaignName,
    subject: `Confirm your ${words.thing}: ${context.title}`,
    heading: `Confirm your ${words.thing}`,
    greeting: `Hello ${context.firstName},`,
    blocks: [
      { paragraph: `Thank you for ${words.act} "${context.title}".` },
      ...(commitments.length > 0 ? [{ paragraph: "You promised to:" }, { list: commitments }] : []),
      {
        paragraph: `Your ${words.thing} counts once you confirm it. Open this link and press the Confirm button on the page. The link works for 7 days.`,
      },
      { action: { label: words.confirm, url: link(context.siteUrl, `/confirm/${tokens.confirm}`) } },
      { paragraph: `Changed your mind? This link ${words.off} at any time:` },
      { action: { label: words.withdraw, url: link(context.siteUrl, `/withdraw/${tokens.withdraw}`) } },
      deletionNotice(context, deletionDate(context.enteredAt)),
    ],
    footer: supportFooter(context),
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
 */
export function alreadySupportedMail(context: SupportMailContext, notice: RepeatNotice): MailContent {
  const words = WORDS[context.kind];
  const tried = `Someone, probably you, used this email address again for "${context.title}" on ${mailDate(context.enteredAt, context.locale)}. Nothing new was made, and nothing changed.`;
  const since = mailDate(notice.enteredAt, context.locale);
  let heading: string;
  let blocks: MailBlock[];
  switch (notice.state) {
    case "pending":
      heading = `Your ${words.thing} is waiting for confirmation`;
      blocks = [
        { paragraph: tried },
        {
          paragraph: `Your ${words.thing} from ${since} does not count yet. Here is a fresh link to confirm it (press the Confirm button on the page); it works for 7 days.`,
        },
        { action: { label: words.confirm, url: link(context.siteUrl, `/confirm/${notice.confirmToken}`) } },
        deletionNotice(context, deletionDate(notice.enteredAt)),
      ];
      break;
    case "verified":
      heading = `You have already ${words.did}`;
      blocks = [
        { paragraph: tried },
        {
          paragraph: `Your ${words.thing} from ${since} is confirmed and counts once. There is nothing more to do.`,
        },
        { paragraph: `Changed your mind? This link ${words.off} at any time:` },
        {
          action: { label: words.withdraw, url: link(context.siteUrl, `/withdraw/${notice.withdrawToken}`) },
        },
      ];
      break;
    case "withdrawn":
      heading = `Your ${words.thing} was withdrawn`;
      blocks = [
        { paragraph: tried },
        {
          paragraph: `You withdrew your ${words.thing}${notice.withdrawnAt ? ` on ${mailDate(notice.withdrawnAt, context.locale)}` : ""}, so it does not count. If you want to ${words.again}, open this link and press the Confirm button on the page; it works for 7 days:`,
        },
        {
          action: { label: words.reconfirm, url: link(context.siteUrl, `/confirm/${notice.confirmToken}`) },
        },
        { paragraph: "If you did not ask for this, ignore this email: nothing changes." },
      ];
      break;
    default:
      heading = `No new ${words.thing} was made`;
      blocks = [{ paragraph: tried }];
  }
  return renderMail({
    campaignName: context.campaignName,
    subject: `${heading}: ${context.title}`,
    heading,
    greeting: `Hello ${context.firstName},`,
    blocks,
    footer: supportFooter(context),
  });
}

/** What the pledge emails after confirmation share: whose campaign, and why the person hears from it. */
export interface PledgeMailContext {
  firstName: string;
  pledgeTitle: string;
  campaignName: string;
  siteUrl: URL;
  /** When they took the pledge. */
  pledgedAt: Date;
  /** The token of their "stop updates" link, when they asked for updates; else null. */
  unsubscribeToken: string | null;
  /** The language the email's dates and numbers are written in; English until supporters' languages are stored. */
  locale?: Locale;
}

const pledgeFooter = (context: PledgeMailContext): MailFooter => ({
  reason: `You received this email because you took the pledge "${context.pledgeTitle}" on ${mailDate(context.pledgedAt, context.locale)}.`,
  privacyUrl: link(context.siteUrl, "/privacy"),
  ...(context.unsubscribeToken
    ? { unsubscribe: unsubscribeLinks(context.siteUrl, context.unsubscribeToken) }
    : {}),
});

/** "I'll do it if N others will": enough people took the commitment, so it is on. */
export function commitmentActivatedMail(
  context: PledgeMailContext & { commitmentTitle: string; threshold: number; pledgeSlug: string },
): MailContent {
  return renderMail({
    campaignName: context.campaignName,
    subject: `It's on: ${context.commitmentTitle}`,
    heading: "It's on",
    greeting: `Hello ${context.firstName},`,
    blocks: [
      {
        paragraph: `You promised to "${context.commitmentTitle}" (part of "${context.pledgeTitle}") once ${formatNumber(context.threshold, context.locale ?? DEFAULT_LOCALE)} people had made the same promise. They have: it's on.`,
      },
      { paragraph: "See how many have taken it, and ask others to join:" },
      {
        action: {
          label: `See the pledge "${context.pledgeTitle}"`,
          url: link(context.siteUrl, `/pledge/${context.pledgeSlug}`),
        },
      },
    ],
    footer: pledgeFooter(context),
  });
}

/** The one follow-up, some days after confirming: did you do it? */
export function followUpMail(
  context: PledgeMailContext & { commitments: string[]; token: string },
): MailContent {
  return renderMail({
    campaignName: context.campaignName,
    subject: `Did you do it? ${context.pledgeTitle}`,
    heading: "Did you do it?",
    greeting: `Hello ${context.firstName},`,
    blocks: [
      { paragraph: `A while ago you took the pledge "${context.pledgeTitle}" and promised to:` },
      { list: context.commitments },
      {
        paragraph:
          "If you have done any of it, tell us on this page (one button per promise). It counts toward what everyone who took the pledge has done.",
      },
      { action: { label: "Tell us what you did", url: link(context.siteUrl, `/fulfil/${context.token}`) } },
      { paragraph: "This is the only reminder we send." },
    ],
    footer: pledgeFooter(context),
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
    },
  });
}

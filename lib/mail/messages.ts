import type { MailContent } from "@/lib/domain/mail";
import { UNCONFIRMED_RETENTION_DAYS } from "@/lib/domain/privacy";

// The emails a supporter receives, as plain text. Links are absolute, built on SITE_URL.

export type { MailContent } from "@/lib/domain/mail";

export interface SupportMailContext {
  kind: "petition" | "pledge";
  firstName: string;
  /** The petition's or pledge's title. */
  title: string;
  siteUrl: URL;
}

const link = (siteUrl: URL, path: string) => new URL(path, siteUrl).toString();

const WORDS = {
  petition: {
    act: "signing",
    did: "signed",
    thing: "signature",
    off: "takes your signature off the petition",
    ignore: "did not sign this petition",
  },
  pledge: {
    act: "taking the pledge",
    did: "taken this pledge",
    thing: "pledge",
    off: "withdraws your pledge",
    ignore: "did not take this pledge",
  },
} as const;

const signOff = (context: SupportMailContext) =>
  [
    "",
    `If you ${WORDS[context.kind].ignore}, you can ignore this email: without confirmation the ${WORDS[context.kind].thing} is`,
    `never counted, and it is deleted after ${UNCONFIRMED_RETENTION_DAYS} days.`,
    "",
    "Upstand",
  ].join("\n");

/** The first email: confirm (and, at any time, withdraw). A pledge's lists what was promised. */
export function confirmSupportMail(
  context: SupportMailContext,
  tokens: { confirm: string; withdraw: string },
  commitments: string[] = [],
): MailContent {
  const words = WORDS[context.kind];
  return {
    subject: `Confirm your ${words.thing}: ${context.title}`,
    text: [
      `Hello ${context.firstName},`,
      "",
      `Thank you for ${words.act} "${context.title}".`,
      ...(commitments.length > 0
        ? ["", "You promised to:", ...commitments.map((title) => `- ${title}`), ""]
        : []),
      `To count your ${words.thing}, open this link and press the Confirm button on the page:`,
      "",
      link(context.siteUrl, `/confirm/${tokens.confirm}`),
      "",
      "The link works for 7 days.",
      "",
      `Changed your mind? This link ${words.off} at any time:`,
      "",
      link(context.siteUrl, `/withdraw/${tokens.withdraw}`),
      signOff(context),
    ].join("\n"),
  };
}

/** Sent instead of a second confirmation, so the form never reveals who has signed or pledged. */
export function alreadySupportedMail(
  context: SupportMailContext,
  state: "pending" | "verified" | "other",
  newConfirmToken: string | null,
): MailContent {
  const words = WORDS[context.kind];
  const body =
    state === "pending" && newConfirmToken
      ? [
          `Someone, probably you, tried again with this email address. Your ${words.thing} is waiting for`,
          "confirmation. Here is a fresh link to confirm it (press the Confirm button on the page):",
          "",
          link(context.siteUrl, `/confirm/${newConfirmToken}`),
        ]
      : state === "verified"
        ? [
            `Someone, probably you, tried again with this email address. You have already ${words.did}, and`,
            `your ${words.thing} is counted once. There is nothing more to do.`,
          ]
        : [`Someone tried again with this email address. No new ${words.thing} was made.`];
  return {
    subject: `You have already ${words.did}: ${context.title}`,
    text: [`Hello ${context.firstName},`, "", ...body, signOff(context)].join("\n"),
  };
}

/** "I'll do it if N others will": enough people took the commitment, so it is on. */
export function commitmentActivatedMail(context: {
  firstName: string;
  pledgeTitle: string;
  commitmentTitle: string;
  threshold: number;
  pledgeUrl: string;
}): MailContent {
  return {
    subject: `It's on: ${context.commitmentTitle}`,
    text: [
      `Hello ${context.firstName},`,
      "",
      `You promised to "${context.commitmentTitle}" (part of "${context.pledgeTitle}") once`,
      `${context.threshold.toLocaleString("en-US")} people had made the same promise. They have: it's on.`,
      "",
      "See how many have taken it, and ask others to join:",
      "",
      context.pledgeUrl,
      "",
      "Upstand",
    ].join("\n"),
  };
}

/** The one follow-up, some days after confirming: did you do it? */
export function followUpMail(context: {
  firstName: string;
  pledgeTitle: string;
  commitments: string[];
  siteUrl: URL;
  token: string;
}): MailContent {
  return {
    subject: `Did you do it? ${context.pledgeTitle}`,
    text: [
      `Hello ${context.firstName},`,
      "",
      `A while ago you took the pledge "${context.pledgeTitle}" and promised to:`,
      ...context.commitments.map((title) => `- ${title}`),
      "",
      "If you have done any of it, tell us on this page (one button per promise). It counts toward",
      "what everyone who took the pledge has done:",
      "",
      link(context.siteUrl, `/fulfil/${context.token}`),
      "",
      "This is the only reminder we send.",
      "",
      "Upstand",
    ].join("\n"),
  };
}

/** A staff member's one-time sign-in link. */
export function staffSignInMail(url: string, minutes: number): MailContent {
  return {
    subject: "Your Upstand sign-in link",
    text: [
      "Hello,",
      "",
      "Open this link and press Sign in to reach the Upstand staff console:",
      "",
      url,
      "",
      `It works once, for ${minutes} minutes. If you did not ask for it, ignore this email: nobody can use it`,
      "without access to your inbox.",
      "",
      "Upstand",
    ].join("\n"),
  };
}

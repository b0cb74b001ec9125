import { UNCONFIRMED_RETENTION_DAYS } from "@/lib/privacy";

// The emails a supporter receives, as plain text. Links are absolute, built on SITE_URL.

export interface MailContent {
  subject: string;
  text: string;
}

export interface PetitionMailContext {
  firstName: string;
  petitionTitle: string;
  siteUrl: URL;
}

const link = (siteUrl: URL, path: string) => new URL(path, siteUrl).toString();

const SIGN_OFF = [
  "",
  "If you did not sign this petition, you can ignore this email: without confirmation the signature is",
  `never counted, and it is deleted after ${UNCONFIRMED_RETENTION_DAYS} days.`,
  "",
  "Upstand",
].join("\n");

export function confirmSignatureMail(
  context: PetitionMailContext,
  tokens: { confirm: string; withdraw: string },
): MailContent {
  return {
    subject: `Confirm your signature: ${context.petitionTitle}`,
    text: [
      `Hello ${context.firstName},`,
      "",
      `Thank you for signing "${context.petitionTitle}".`,
      "To count your signature, open this link and press the Confirm button on the page:",
      "",
      link(context.siteUrl, `/confirm/${tokens.confirm}`),
      "",
      "The link works for 7 days.",
      "",
      "Changed your mind? This link takes your signature off the petition at any time:",
      "",
      link(context.siteUrl, `/withdraw/${tokens.withdraw}`),
      SIGN_OFF,
    ].join("\n"),
  };
}

/** Sent instead of a second confirmation, so the form never reveals who has signed. */
export function alreadySignedMail(
  context: PetitionMailContext,
  state: "pending" | "verified" | "other",
  newConfirmToken: string | null,
): MailContent {
  const body =
    state === "pending" && newConfirmToken
      ? [
          "Someone, probably you, tried to sign again with this email address. Your signature is waiting for",
          "confirmation. Here is a fresh link to confirm it (press the Confirm button on the page):",
          "",
          link(context.siteUrl, `/confirm/${newConfirmToken}`),
        ]
      : state === "verified"
        ? [
            "Someone, probably you, tried to sign again with this email address. You have already signed, and",
            "your signature is counted once. There is nothing more to do.",
          ]
        : ["Someone tried to sign again with this email address. No new signature was made."];
  return {
    subject: `You have already signed: ${context.petitionTitle}`,
    text: [`Hello ${context.firstName},`, "", ...body, SIGN_OFF].join("\n"),
  };
}

import { createHash } from "node:crypto";
import type { ConsentKind } from "@/lib/domain/enums";
import type { Locale } from "@/lib/domain/locale";
import {
  CLOSED_PETITION_RETENTION_MONTHS,
  IP_RETENTION_DAYS,
  PRIVACY_NOTICE_VERSION,
  UNCONFIRMED_RETENTION_DAYS,
} from "@/lib/domain/privacy";
import { fill } from "@/lib/i18n/fill";
import { messagesFor } from "@/lib/i18n/messages";

// The exact words a supporter is shown when they agree to something, by kind and language, and
// their ids: "<kind>/<version>/<locale>", the version the first 12 hex digits of the SHA-256 of
// the words. Changing the words in messages/*.json (or the notice's version or periods) changes
// the id, so consents given after the change name a new version and those before keep theirs.

export interface ConsentTextRecord {
  id: string;
  kind: ConsentKind;
  locale: string;
  text: string;
  sha256: string;
}

export type ConsentTextSet = Record<ConsentKind, ConsentTextRecord>;

type Tree = { [key: string]: string | Tree };

function words(tree: Tree, path: string): string {
  let node: string | Tree | undefined = tree;
  for (const part of path.split(".")) node = typeof node === "object" ? node[part] : undefined;
  if (typeof node !== "string") throw new Error(`no message ${path}`);
  return node;
}

// What is collected, in the order the privacy page lists it (app/[locale]/(site)/privacy/page.tsx).
const COLLECTED = ["name", "email", "place", "comment", "choices", "ip"] as const;

/**
 * The privacy notice as the sign and pledge forms show it: the checkbox's words, then the privacy
 * page they link to, line by line in the page's order with the same figures filled in.
 */
function privacyNoticeText(messages: Tree): string {
  const page = (key: string, values: Record<string, string | number> = {}) =>
    fill(words(messages, `privacyPage.${key}`), values);
  return [
    words(messages, "supporterFields.acceptsPrivacy"),
    page("title"),
    page("intro"),
    page("collectedHeading"),
    ...COLLECTED.flatMap((item) => [
      page(`collected.${item}.what`),
      page(`collected.${item}.why`, { days: IP_RETENTION_DAYS }),
    ]),
    page("keptHeading"),
    page("unconfirmed", { days: UNCONFIRMED_RETENTION_DAYS }),
    page("ipErased", { days: IP_RETENTION_DAYS }),
    page("reports", { days: IP_RETENTION_DAYS }),
    page("closed", { months: CLOSED_PETITION_RETENTION_MONTHS }),
    page("whoHeading"),
    page("who"),
    page("changeHeading"),
    page("change"),
    page("version", { version: PRIVACY_NOTICE_VERSION }),
  ].join("\n");
}

/** A text's record: its id names its kind, the first 12 hex digits of its SHA-256, and its language. */
export function consentTextRecord(kind: ConsentKind, locale: string, text: string): ConsentTextRecord {
  const sha256 = createHash("sha256").update(text, "utf8").digest("hex");
  return { id: `${kind}/${sha256.slice(0, 12)}/${locale}`, kind, locale, text, sha256 };
}

/**
 * The words a petition's or a pledge's supporter agrees to in `locale`. With a partner's notice
 * (an API key that attests its own form asks agreement to it), the privacy notice agreed to is
 * the partner's, recorded as the key names it.
 */
export function consentTextsFor(
  kind: "petition" | "pledge",
  locale: Locale,
  partnerNotice: string | null = null,
): ConsentTextSet {
  const messages = messagesFor(locale) as Tree;
  return {
    privacy_notice: consentTextRecord(
      "privacy_notice",
      locale,
      partnerNotice === null ? privacyNoticeText(messages) : `The partner's privacy notice: ${partnerNotice}`,
    ),
    updates: consentTextRecord("updates", locale, words(messages, "supporterFields.wantsUpdates")),
    public_display: consentTextRecord(
      "public_display",
      locale,
      words(messages, kind === "petition" ? "signForm.isPublic" : "pledgeFlow.isPublic"),
    ),
  };
}

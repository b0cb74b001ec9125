import { z } from "zod";
import {
  recordSupporter,
  type RecordOutcome,
  type SupportKind,
  type SupportTarget,
} from "@/db/queries/supporters";
import { ensureConsentTexts } from "@/db/queries/consents";
import { consentTextsFor } from "@/lib/consents/texts";
import type { ConsentChannel } from "@/lib/domain/enums";
import { canonicalEmail } from "@/lib/domain/canonical-email";
import { env } from "@/lib/env";
import { localityFor } from "@/lib/domain/locality";
import { DEFAULT_LOCALE, type Locale } from "@/lib/domain/locale";
import { canonicalLanguageTag, mailLocaleOf } from "@/lib/domain/preferred-language";
import { localize } from "@/lib/domain/translations";
import { outboxFields, type MailContent } from "@/lib/domain/mail";
import { alreadySupportedMail, confirmSupportMail, type RepeatNotice } from "@/lib/mail/messages";
import type { RepeatFound } from "@/db/queries/supporters";
import { kickOutbox } from "@/lib/jobs/outbox-worker";
import { PRIVACY_NOTICE_VERSION } from "@/lib/domain/privacy";
import { CONFIRM_TOKEN_TTL_DAYS } from "@/lib/domain/support-links";
import { siteUrl } from "@/lib/http/site-url";
import { newReferralCode, newToken } from "@/lib/signing/tokens";
import type { SupporterInput } from "@/lib/validation/signature";
import type { ReferrerData } from "@/lib/domain/referrer";
import { normaliseText } from "@/lib/validation/text";

// What signing a petition and taking a pledge share: from checked input to a stored, counted
// supporter with its confirmation email, whatever the kind.

const WITHDRAW_TOKEN_TTL_DAYS = 730;
const DAY_MS = 86_400_000;

export interface SupportContext {
  ip: string | null;
  source: string | null;
  referredBy: string | null;
  /** The hidden field people never see; bots fill it in. */
  honeypot: string | null;
  /**
   * OSDI's `preferred_language`, already checked to be a well-formed RFC 5646 tag: the page's
   * language for a form (lib/signing/form-submission.ts), what an API client sent. English when absent.
   */
  preferredLanguage?: string;
  /**
   * Set when an API key records the supporter (lib/api/record-signature-helper.ts): the key, and
   * the partner's privacy notice it attests its form asks agreement to (null without one).
   */
  consent?: { apiKeyId: string; notice: string | null };
  /** How the supporter reached us, for their consent records: Upstand's form unless said. */
  channel?: ConsentChannel;
  /** Campaign tags, referring site and page, and whether it came through an embed (lib/domain/referrer.ts). */
  referrer?: ReferrerData;
}

export interface Supported {
  referralCode: string;
}

const code = z.string().regex(/^[\w.-]{1,64}$/);
const cleanCode = (value: string | null) => (value && code.safeParse(value).success ? value : null);

/** Field errors keyed by field, in the shape forms and the API both return. */
export function fieldErrorsOf(error: z.core.$ZodError): Partial<Record<string, string[]>> {
  return z.flattenError(error).fieldErrors as Partial<Record<string, string[]>>;
}

/** A code for a caller whose submission is dropped: it looks like any other and points nowhere. */
export const decoyReferralCode = newReferralCode;

/**
 * Stores a supporter of `target` and queues the confirmation email. Whether the address had
 * already supported it, or the caller is over the per-address limit (and so held), the caller is
 * told the same: only the email that follows differs. "closed" when the target closed meanwhile.
 */
export async function recordSupport(
  kind: SupportKind,
  target: SupportTarget,
  input: SupporterInput & { comment?: string },
  context: SupportContext,
  commitments: { slugs: string[]; titles: string[] } = { slugs: [], titles: [] },
): Promise<{ outcome: RecordOutcome; referralCode: string }> {
  const firstName = normaliseText(input.firstName);
  const postalCode = normaliseText(input.postalCode ?? "").toUpperCase() || null;
  const referralCode = newReferralCode();
  const [confirm, withdraw, unsubscribe] = [newToken(), newToken(), newToken()];
  const repeatTokens = { confirm: newToken(), withdraw: newToken(), unsubscribe: newToken() };
  const now = Date.now();
  const wantsUpdates = input.wantsUpdates ?? false;
  // Each email in the language of the supporter it goes to, the title too where it is translated.
  const mailContext = (locale: Locale) => ({
    kind,
    firstName,
    title: localize({ title: target.title }, target.translations, locale).text.title,
    campaignName: target.campaignName,
    siteUrl: siteUrl(),
    enteredAt: new Date(now),
    locale,
  });
  const recipient = input.email.trim();
  const config = env();
  const toOutbox = (template: string, mail: MailContent) => ({ recipient, template, ...outboxFields(mail) });
  const confirmExpiresAt = new Date(now + CONFIRM_TOKEN_TTL_DAYS * DAY_MS);
  const withdrawExpiresAt = new Date(now + WITHDRAW_TOKEN_TTL_DAYS * DAY_MS);
  // The notice for a repeat, with the raw tokens of the links recordRepeat stores for its state.
  const repeatNotice = (found: RepeatFound): RepeatNotice => {
    const { enteredAt } = found;
    if (found.state === "pending")
      return { state: "pending", enteredAt, confirmToken: repeatTokens.confirm.token };
    if (found.state === "verified")
      return { state: "verified", enteredAt, withdrawToken: repeatTokens.withdraw.token };
    if (found.state === "withdrawn")
      return {
        state: "withdrawn",
        enteredAt,
        withdrawnAt: found.withdrawnAt,
        confirmToken: repeatTokens.confirm.token,
      };
    return { state: "other", enteredAt };
  };

  const consentTexts = consentTextsFor(
    kind,
    mailLocaleOf(context.preferredLanguage),
    context.consent?.notice ?? null,
  );
  await ensureConsentTexts(Object.values(consentTexts));

  const outcome = await recordSupporter({
    kind,
    supporter: {
      parentId: target.id,
      firstName,
      lastName: normaliseText(input.lastName),
      email: recipient,
      emailCanonical: canonicalEmail(input.email),
      country: input.country,
      postalCode,
      locality: localityFor(input.country, postalCode ?? ""),
      comment: normaliseText(input.comment ?? "") || null,
      isPublic: input.isPublic ?? false,
      wantsUpdates,
      privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
      source: cleanCode(context.source),
      referredBy: cleanCode(context.referredBy),
      ipAddress: context.ip,
      referralCode,
      // Callers check it; checked again so that nothing can reach the database's check and fail there.
      preferredLanguage: canonicalLanguageTag(context.preferredLanguage ?? "") ?? DEFAULT_LOCALE,
      consentApiKeyId: context.consent?.apiKeyId ?? null,
      consentNotice: context.consent?.notice ?? null,
      consentContext: {
        channel: context.channel ?? (context.referrer?.viaEmbed ? "embed" : context.consent ? "api" : "form"),
        texts: {
          privacy_notice: consentTexts.privacy_notice.id,
          updates: consentTexts.updates.id,
          public_display: consentTexts.public_display.id,
        },
      },
      referrer: context.referrer,
    },
    limits: { burst: config.SIGN_LIMIT_BURST, sustained: config.SIGN_LIMIT_SUSTAINED },
    mail: {
      confirmTokenHash: confirm.hash,
      withdrawTokenHash: withdraw.hash,
      unsubscribeTokenHash: wantsUpdates ? unsubscribe.hash : null,
      confirmExpiresAt,
      withdrawExpiresAt,
      message: toOutbox(
        `confirm-${kind}`,
        confirmSupportMail(
          {
            ...mailContext(mailLocaleOf(context.preferredLanguage)),
            unsubscribeToken: wantsUpdates ? unsubscribe.token : null,
          },
          { confirm: confirm.token, withdraw: withdraw.token },
          commitments.titles,
        ),
      ),
    },
    repeat: {
      tokens: {
        confirm: { hash: repeatTokens.confirm.hash, expiresAt: confirmExpiresAt },
        withdraw: { hash: repeatTokens.withdraw.hash, expiresAt: withdrawExpiresAt },
        unsubscribe: { hash: repeatTokens.unsubscribe.hash, expiresAt: withdrawExpiresAt },
      },
      message: (found) =>
        toOutbox(
          `already-${kind}`,
          alreadySupportedMail(
            {
              ...mailContext(mailLocaleOf(found.preferredLanguage)),
              unsubscribeToken: found.wantsUpdates ? repeatTokens.unsubscribe.token : null,
            },
            repeatNotice(found),
          ),
        ),
    },
    requiresConfirmation: target.requiresConfirmation,
    commitmentSlugs: commitments.slugs,
  });
  if (outcome !== "closed") kickOutbox();
  // A repeat gets a code that looks the same and points nowhere; a held supporter is a real one.
  return {
    outcome,
    referralCode: outcome === "accepted" || outcome === "held" ? referralCode : newReferralCode(),
  };
}

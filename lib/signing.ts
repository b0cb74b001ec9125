import { z } from "zod";
import { getSigningPetition, recordSignature } from "@/db/queries/signatures";
import type { ActionResult } from "@/lib/action-result";
import { canonicalEmail } from "@/lib/canonical-email";
import { env } from "@/lib/env";
import { localityFor } from "@/lib/locality";
import { alreadySignedMail, confirmSignatureMail } from "@/lib/mail/messages";
import { kickOutbox } from "@/lib/mail/outbox-worker";
import { PRIVACY_NOTICE_VERSION } from "@/lib/privacy";
import { siteUrl } from "@/lib/site-url";
import { newReferralCode, newToken } from "@/lib/tokens";
import { signatureSchema } from "@/lib/validation/signature";

export const CONFIRM_TOKEN_TTL_DAYS = 7;
const WITHDRAW_TOKEN_TTL_DAYS = 730;
const DAY_MS = 86_400_000;

export const NO_SUCH_PETITION = "There is no petition at this address.";
export const PETITION_CLOSED = "This petition has closed and no longer takes signatures.";

export interface SigningContext {
  ip: string | null;
  source: string | null;
  referredBy: string | null;
  /** The hidden field people never see; bots fill it in. */
  honeypot: string | null;
}

export interface Signed {
  referralCode: string;
}

const code = z.string().regex(/^[\w.-]{1,64}$/);
const cleanCode = (value: string | null) => (value && code.safeParse(value).success ? value : null);

/** Field errors keyed by field, in the shape forms and the API both return. */
export function fieldErrorsOf(error: z.ZodError): Partial<Record<string, string[]>> {
  return z.flattenError(error).fieldErrors as Partial<Record<string, string[]>>;
}

/**
 * Signs a petition for someone, from the form or the API. Whether the address had signed
 * before, or the caller is over the rate limit, the answer is the same as for a first
 * signature: only the email that follows differs.
 */
export async function signPetition(slug: string, raw: unknown, context: SigningContext): Promise<ActionResult<Signed>> {
  const parsed = signatureSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  if (context.honeypot) return { ok: true, data: { referralCode: newReferralCode() } };

  const petition = await getSigningPetition(slug);
  if (!petition) return { ok: false, formError: NO_SUCH_PETITION };
  if (!petition.isOpen) return { ok: false, formError: PETITION_CLOSED };

  const input = parsed.data;
  const firstName = input.firstName.trim();
  const postalCode = (input.postalCode ?? "").trim().toUpperCase() || null;
  const referralCode = newReferralCode();
  const confirm = newToken();
  const withdraw = newToken();
  const repeatConfirm = newToken();
  const now = Date.now();
  const mailContext = { firstName, petitionTitle: petition.title, siteUrl: siteUrl() };
  const recipient = input.email.trim();
  const config = env();

  const outcome = await recordSignature(
    {
      petitionId: petition.id,
      firstName,
      lastName: input.lastName.trim(),
      email: recipient,
      emailCanonical: canonicalEmail(input.email),
      country: input.country,
      postalCode,
      locality: localityFor(input.country, postalCode ?? ""),
      comment: input.comment?.trim() || null,
      isPublic: input.isPublic ?? false,
      wantsUpdates: input.wantsUpdates ?? false,
      privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
      source: cleanCode(context.source),
      referredBy: cleanCode(context.referredBy),
      ipAddress: context.ip,
      referralCode,
    },
    { burst: config.SIGN_LIMIT_BURST, sustained: config.SIGN_LIMIT_SUSTAINED },
    {
      confirmTokenHash: confirm.hash,
      withdrawTokenHash: withdraw.hash,
      confirmExpiresAt: new Date(now + CONFIRM_TOKEN_TTL_DAYS * DAY_MS),
      withdrawExpiresAt: new Date(now + WITHDRAW_TOKEN_TTL_DAYS * DAY_MS),
      message: {
        recipient,
        template: "confirm-signature",
        ...toOutbox(confirmSignatureMail(mailContext, { confirm: confirm.token, withdraw: withdraw.token })),
      },
    },
    {
      confirmTokenHash: repeatConfirm.hash,
      confirmExpiresAt: new Date(now + CONFIRM_TOKEN_TTL_DAYS * DAY_MS),
      message: (state) => ({
        recipient,
        template: "already-signed",
        ...toOutbox(alreadySignedMail(mailContext, state, state === "pending" ? repeatConfirm.token : null)),
      }),
    },
    petition.requiresConfirmation,
  );
  if (outcome === "closed") return { ok: false, formError: PETITION_CLOSED };
  kickOutbox();
  // A repeat or a rate-limited caller gets a code that looks the same and points nowhere.
  return { ok: true, data: { referralCode: outcome === "accepted" ? referralCode : newReferralCode() } };
}

function toOutbox(mail: { subject: string; text: string }) {
  return { subject: mail.subject, textBody: mail.text };
}

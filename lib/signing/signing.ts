import { getSupportTarget } from "@/db/queries/supporters";
import type { ActionResult } from "@/lib/action-result";
import {
  decoyReferralCode,
  fieldErrorsOf,
  recordSupport,
  type SupportContext,
  type Supported,
} from "@/lib/signing/supporting";
import { PARSE_OPTIONS } from "@/lib/validation/messages";
import { signatureSchema } from "@/lib/validation/signature";

export type { SupportContext as SigningContext, Supported as Signed } from "@/lib/signing/supporting";

// Messages are keys into `validation` in messages/*.json, put into words by the caller, in its
// reader's language (lib/i18n/validation-messages.ts).
export const NO_SUCH_PETITION = "form.noSuchPetition";
export const PETITION_CLOSED = "form.petitionClosed";

/**
 * Signs a petition for someone, from the form or the API. Whether the address had signed
 * before, or the caller is over the rate limit, the answer is the same as for a first
 * signature: only the email that follows differs.
 */
export async function signPetition(
  slug: string,
  raw: unknown,
  context: SupportContext,
): Promise<ActionResult<Supported>> {
  const parsed = signatureSchema.safeParse(raw, PARSE_OPTIONS);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  if (context.honeypot) return { ok: true, data: { referralCode: decoyReferralCode() } };

  const petition = await getSupportTarget("petition", slug);
  if (!petition) return { ok: false, formError: NO_SUCH_PETITION };
  if (!petition.isOpen) return { ok: false, formError: PETITION_CLOSED };
  const { outcome, referralCode } = await recordSupport("petition", petition, parsed.data, context);
  if (outcome === "closed") return { ok: false, formError: PETITION_CLOSED };
  return { ok: true, data: { referralCode } };
}

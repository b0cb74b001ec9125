import { activateReachedCommitments, queueFollowUps } from "@/db/queries/commitments";
import { getPledgeCommitmentChoices } from "@/db/queries/pledges";
import { getSupportTarget } from "@/db/queries/supporters";
import type { ActionResult } from "@/lib/action-result";
import { mailLocaleOf } from "@/lib/domain/preferred-language";
import { commitmentActivatedMail, followUpMail } from "@/lib/mail/messages";
import { kickOutbox } from "@/lib/jobs/outbox-worker";
import { siteUrl } from "@/lib/http/site-url";
import {
  decoyReferralCode,
  fieldErrorsOf,
  recordSupport,
  type SupportContext,
  type Supported,
} from "@/lib/signing/supporting";
import { newToken } from "@/lib/signing/tokens";
import { PARSE_OPTIONS } from "@/lib/validation/messages";
import { pledgeSchema } from "@/lib/validation/pledge";

// Messages are keys into `validation` in messages/*.json, put into words by the caller, in its
// reader's language (lib/i18n/validation-messages.ts).
export const NO_SUCH_PLEDGE = "form.noSuchPledge";
export const PLEDGE_CLOSED = "form.pledgeClosed";
const FULFIL_LINK_TTL_DAYS = 365;
const UPDATES_LINK_TTL_DAYS = 730;

/** A fresh stop-updates link for a taker who asked for updates: the raw token for the email, the hash to store. */
function updatesLink(wantsUpdates: boolean) {
  if (!wantsUpdates) return { token: null, stored: null };
  const { token, hash } = newToken();
  return { token, stored: { hash, expiresAt: new Date(Date.now() + UPDATES_LINK_TTL_DAYS * 86_400_000) } };
}

/**
 * Takes a pledge for someone, from the form or the API: the same checks, limits, email and
 * counting as signing a petition (lib/signing/supporting.ts), with the commitments they chose.
 */
export async function takePledge(
  slug: string,
  raw: unknown,
  context: SupportContext,
): Promise<ActionResult<Supported>> {
  const parsed = pledgeSchema.safeParse(raw, PARSE_OPTIONS);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  if (context.honeypot) return { ok: true, data: { referralCode: decoyReferralCode() } };

  const pledge = await getSupportTarget("pledge", slug);
  if (!pledge) return { ok: false, formError: NO_SUCH_PLEDGE };
  if (!pledge.isOpen) return { ok: false, formError: PLEDGE_CLOSED };
  // Their titles as the confirmation email lists them, in the taker's language.
  const offered = await getPledgeCommitmentChoices(pledge.id, mailLocaleOf(context.preferredLanguage));
  const chosen = offered.filter((commitment) => parsed.data.commitments.includes(commitment.slug));
  if (chosen.length !== new Set(parsed.data.commitments).size) {
    return { ok: false, fieldErrors: { commitments: ["commitments.listed"] } };
  }
  const { outcome, referralCode } = await recordSupport("pledge", pledge, parsed.data, context, {
    slugs: chosen.map((commitment) => commitment.slug),
    titles: chosen.map((commitment) => commitment.title),
  });
  if (outcome === "closed") return { ok: false, formError: PLEDGE_CLOSED };
  return { ok: true, data: { referralCode } };
}

/** After a pledge taker is confirmed: switch on commitments whose threshold is now reached, and say so. */
export async function announceActivations(pledgeId: string): Promise<void> {
  const sent = await activateReachedCommitments(pledgeId, (notice) => {
    const updates = updatesLink(notice.wantsUpdates);
    return {
      mail: commitmentActivatedMail({ ...notice, siteUrl: siteUrl(), unsubscribeToken: updates.token }),
      unsubscribe: updates.stored,
    };
  });
  if (sent > 0) kickOutbox();
}

/** Queues the "did you do it?" emails that are due. */
export async function sendFollowUps(): Promise<number> {
  const queued = await queueFollowUps((due) => {
    const { token, hash } = newToken();
    const updates = updatesLink(due.wantsUpdates);
    return {
      tokenHash: hash,
      expiresAt: new Date(Date.now() + FULFIL_LINK_TTL_DAYS * 86_400_000),
      mail: followUpMail({ ...due, siteUrl: siteUrl(), token, unsubscribeToken: updates.token }),
      unsubscribe: updates.stored,
    };
  });
  if (queued > 0) kickOutbox();
  return queued;
}

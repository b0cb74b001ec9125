import { queueConfirmReminders } from "@/db/queries/reminders";
import { UNCONFIRMED_RETENTION_DAYS } from "@/lib/domain/privacy";
import { CONFIRM_TOKEN_TTL_DAYS } from "@/lib/domain/support-links";
import { env } from "@/lib/env";
import { siteUrl } from "@/lib/http/site-url";
import { every } from "@/lib/jobs/every";
import { kickOutbox } from "@/lib/jobs/outbox-worker";
import { confirmReminderMail } from "@/lib/mail/messages";
import { newToken } from "@/lib/signing/tokens";

const REMINDERS_EVERY_MS = 15 * 60_000;
const DAY_MS = 86_400_000;

/**
 * Queues the reminders to confirm that are due (CONFIRM_REMINDER_AFTER_HOURS after signing or
 * pledging), each with a fresh confirm link that works as long as a first one does, but never past
 * the day the unconfirmed row is deleted. Safe on every instance at once. Returns how many.
 */
export async function sendConfirmReminders(): Promise<number> {
  const queued = await queueConfirmReminders(env().CONFIRM_REMINDER_AFTER_HOURS, (due) => {
    const { token, hash } = newToken();
    const deletedAt = due.enteredAt.getTime() + UNCONFIRMED_RETENTION_DAYS * DAY_MS;
    const expiresAt = new Date(Math.min(Date.now() + CONFIRM_TOKEN_TTL_DAYS * DAY_MS, deletedAt));
    const linkDays = Math.max(1, Math.floor((expiresAt.getTime() - Date.now()) / DAY_MS));
    const mail = confirmReminderMail({ ...due, siteUrl: siteUrl(), unsubscribeToken: null }, token, linkDays);
    return { tokenHash: hash, expiresAt, mail };
  });
  if (queued > 0) kickOutbox();
  return queued;
}

/** Every quarter of an hour, two minutes after start: the reminders that have come due. */
export function startConfirmReminderSchedule(): void {
  every("confirm-reminders", REMINDERS_EVERY_MS, 120_000, async () => {
    const queued = await sendConfirmReminders();
    if (queued > 0) console.log(`[reminders] queued ${queued} reminders to confirm`);
  });
}

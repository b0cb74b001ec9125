import "server-only";
import { desc, eq, ilike, or, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { outboxMessages } from "@/db/schema";

export interface OutgoingMail {
  id: string;
  recipient: string;
  subject: string;
  textBody: string;
  attempts: number;
}

const LEASE_SECONDS = 120;

/**
 * Takes up to `limit` unsent messages for this worker, leasing each for two minutes, so that
 * other instances skip them; a worker that dies leaves its lease to expire and the messages it
 * had not handed to the mail server to be retried (db/schema/outbox-messages.ts).
 */
export async function claimOutgoingMail(limit: number): Promise<OutgoingMail[]> {
  const result = await getDb().execute<{
    id: string;
    recipient: string;
    subject: string;
    text_body: string;
    attempts: number;
  }>(sql`
    update ${outboxMessages} set locked_until = now() + make_interval(secs => ${LEASE_SECONDS}), attempts = attempts + 1
    where id in (
      select id from ${outboxMessages}
      where sent_at is null and handed_at is null and send_after <= now() and (locked_until is null or locked_until < now())
      order by send_after
      limit ${limit}
      for update skip locked
    )
    returning id, recipient, subject, text_body, attempts`);
  return result.rows.map((row) => ({
    id: row.id,
    recipient: row.recipient,
    subject: row.subject,
    textBody: row.text_body,
    attempts: row.attempts,
  }));
}

/** Notes that a message is about to go to the mail server: after a crash it is not sent again. */
export async function markMailHanded(id: string): Promise<void> {
  await getDb().update(outboxMessages).set({ handedAt: new Date() }).where(eq(outboxMessages.id, id));
}

export async function markMailSent(id: string): Promise<void> {
  await getDb()
    .update(outboxMessages)
    .set({ sentAt: new Date(), lockedUntil: null, lastError: null })
    .where(eq(outboxMessages.id, id));
}

export async function markMailFailed(id: string, error: string, retryAt: Date): Promise<void> {
  await getDb()
    .update(outboxMessages)
    .set({ lastError: error.slice(0, 500), sendAfter: retryAt, lockedUntil: null, handedAt: null })
    .where(eq(outboxMessages.id, id));
}

export interface MailboxMessage {
  id: string;
  recipient: string;
  subject: string;
  textBody: string;
  createdAt: Date;
  sentAt: Date | null;
}

/** The newest messages in the outbox, for /dev/mailbox on a local install; `search` matches recipient or subject. */
export async function listMailbox(search: string | null, limit = 200): Promise<MailboxMessage[]> {
  const pattern = search ? `%${search.replace(/[\\%_]/g, "\\$&")}%` : null;
  return getDb()
    .select({
      id: outboxMessages.id,
      recipient: outboxMessages.recipient,
      subject: outboxMessages.subject,
      textBody: outboxMessages.textBody,
      createdAt: outboxMessages.createdAt,
      sentAt: outboxMessages.sentAt,
    })
    .from(outboxMessages)
    .where(
      pattern
        ? or(ilike(outboxMessages.recipient, pattern), ilike(outboxMessages.subject, pattern))
        : undefined,
    )
    .orderBy(desc(outboxMessages.createdAt))
    .limit(limit);
}

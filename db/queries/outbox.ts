import "server-only";
import { and, desc, eq, ilike, isNull, or, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { outboxMessages } from "@/db/schema";
import { repeatStateOf, type RepeatState } from "@/lib/domain/repeat-notice";
import { SUPPORT_KINDS, type SupportKind } from "./support-kinds";
import { isYourDataMailDue } from "./your-data";

/** What a message says about its supporter, when it is only true while they stay in that state. */
interface MailAbout {
  kind: SupportKind;
  id: string;
  state: RepeatState;
}

export interface OutgoingMail {
  id: string;
  recipient: string;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  /** The campaign the email speaks for: the sender's display name (lib/mail/sender.ts). */
  fromName: string | null;
  headers: Record<string, string>;
  about: MailAbout | null;
  /** A "Your data" link's id: the email goes only if that address has signed or pledged. */
  yourDataLink: string | null;
  attempts: number;
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

function headersOf(value: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries(asRecord(value)).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    ),
  );
}

function aboutOf(value: unknown): MailAbout | null {
  const about = asRecord(value);
  const { kind, id, state } = about;
  if ((kind !== "petition" && kind !== "pledge") || typeof id !== "string" || typeof state !== "string")
    return null;
  return { kind, id, state: state as RepeatState };
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
    html_body: string | null;
    metadata: Record<string, unknown> | null;
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
    returning id, recipient, subject, text_body, html_body, metadata, attempts`);
  return result.rows.map((row) => {
    const metadata = asRecord(row.metadata);
    return {
      id: row.id,
      recipient: row.recipient,
      subject: row.subject,
      textBody: row.text_body,
      htmlBody: row.html_body,
      fromName: typeof metadata.fromName === "string" ? metadata.fromName : null,
      headers: headersOf(metadata.headers),
      about: aboutOf(metadata.about),
      yourDataLink: typeof metadata.yourDataLink === "string" ? metadata.yourDataLink : null,
      attempts: row.attempts,
    };
  });
}

/**
 * Whether what a message says about its supporter is still true at sending time: a repeat notice
 * written while they were pending says nothing true once they confirmed or withdrew (the worker
 * then drops it). A "Your data" link is sent only to an address someone signed or pledged with:
 * the request wrote it either way, so the form's answer and path never tell the two apart.
 * True for a message that says nothing state-bound.
 */
export async function isMailStillTrue(mail: OutgoingMail): Promise<boolean> {
  if (mail.yourDataLink) return isYourDataMailDue(mail.yourDataLink);
  if (!mail.about) return true;
  const { table } = SUPPORT_KINDS[mail.about.kind];
  const [row] = await getDb().select({ state: table.state }).from(table).where(eq(table.id, mail.about.id));
  return row !== undefined && repeatStateOf(row.state) === mail.about.state;
}

/** Drops a message that is no longer true before it was handed to the mail server. */
export async function dropUnsentMail(id: string): Promise<void> {
  await getDb()
    .delete(outboxMessages)
    .where(and(eq(outboxMessages.id, id), isNull(outboxMessages.handedAt)));
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
  htmlBody: string | null;
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
      htmlBody: outboxMessages.htmlBody,
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

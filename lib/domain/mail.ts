/** An email as it is queued in the outbox: built by lib/mail/messages.ts, stored by db/queries. */
export interface MailContent {
  subject: string;
  /** The plain-text part, for every mail client and for people who prefer it. */
  text: string;
  /** The HTML part: the same words, escaped, with inline styles and no remote content. */
  html: string;
  /** The sender's display name: the campaign's (lib/mail/sender.ts decides against MAIL_FROM). */
  fromName: string;
  /** Extra headers, such as List-Unsubscribe (RFC 8058) on email to those who asked for updates. */
  headers?: Record<string, string>;
}

/** What the outbox keeps of a message: its columns (db/schema/outbox-messages.ts). */
export interface OutboxFields {
  subject: string;
  textBody: string;
  htmlBody: string;
  metadata: { fromName: string; headers: Record<string, string> };
}

export function outboxFields(mail: MailContent): OutboxFields {
  return {
    subject: mail.subject,
    textBody: mail.text,
    htmlBody: mail.html,
    metadata: { fromName: mail.fromName, headers: mail.headers ?? {} },
  };
}

/** An email as it is queued in the outbox: built by lib/mail/messages.ts, stored by db/queries. */
export interface MailContent {
  subject: string;
  text: string;
}

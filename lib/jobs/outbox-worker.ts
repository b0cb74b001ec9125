import nodemailer, { type Transporter } from "nodemailer";
import {
  claimOutgoingMail,
  dropUnsentMail,
  isMailStillTrue,
  markMailFailed,
  markMailHanded,
  markMailSent,
} from "@/db/queries/outbox";
import { env } from "@/lib/env";
import { senderOf } from "@/lib/mail/sender";
import { logError } from "@/lib/log";

const POLL_MS = 5_000;
const BATCH = 20;

interface WorkerState {
  transport: Transporter | null;
  running: boolean;
  again: boolean;
  timer: ReturnType<typeof setInterval> | null;
}

// On globalThis: Next.js may load this module once for instrumentation and again for routes,
// and a kick from either must reach the one worker.
const state = ((globalThis as { upstandOutbox?: WorkerState }).upstandOutbox ??= {
  transport: null,
  running: false,
  again: false,
  timer: null,
});

function transport(): Transporter | null {
  const url = env().SMTP_URL;
  if (!url) return null;
  state.transport ??= nodemailer.createTransport(url);
  return state.transport;
}

/** Sends what is waiting in the outbox, until it is empty. Safe to call at any time. */
export async function drainOutbox(): Promise<number> {
  const mailer = transport();
  if (!mailer) return 0;
  if (state.running) {
    state.again = true;
    return 0;
  }
  state.running = true;
  let sent = 0;
  try {
    do {
      state.again = false;
      for (
        let batch = await claimOutgoingMail(BATCH);
        batch.length > 0;
        batch = await claimOutgoingMail(BATCH)
      ) {
        for (const mail of batch) {
          // A notice about where someone stands, which changed since it was written: say nothing
          // untrue (they confirmed or withdrew meanwhile, by another link).
          if (!(await isMailStillTrue(mail))) {
            await dropUnsentMail(mail.id);
            continue;
          }
          // Noted before the hand-over, so that a crash during it cannot lead to a second copy;
          // if even this fails, the lease runs out and the message is tried again, never sent.
          await markMailHanded(mail.id);
          try {
            // Text and HTML together: nodemailer makes a multipart/alternative message of them.
            await mailer.sendMail({
              from: senderOf(env().MAIL_FROM, mail.fromName ?? "Upstand"),
              to: mail.recipient,
              subject: mail.subject,
              text: mail.textBody,
              ...(mail.htmlBody ? { html: mail.htmlBody } : {}),
              headers: mail.headers,
              // The same id on a retry lets receiving servers drop a duplicate.
              messageId: `<${mail.id}@upstand.outbox>`,
            });
          } catch (error) {
            // The mail server refused it or could not be reached: it is sent again later.
            const delayMinutes = Math.min(2 ** mail.attempts, 60);
            logError(
              `mail: sending ${mail.id} (attempt ${mail.attempts}; retrying in ${delayMinutes} min)`,
              error,
            );
            await markMailFailed(mail.id, String(error), new Date(Date.now() + delayMinutes * 60_000));
            continue;
          }
          // Taken by the mail server. Should this fail, the message stays handed over: never resent.
          await markMailSent(mail.id);
          sent++;
        }
      }
    } while (state.again);
  } finally {
    state.running = false;
  }
  return sent;
}

/** Called after a commit that wrote mail: send it now rather than at the next poll. */
export function kickOutbox(): void {
  if (!env().SMTP_URL) return;
  setImmediate(() => drainOutbox().catch((error) => logError("mail: draining the outbox", error)));
}

/** Polls the outbox for mail left by a crash or a failed attempt. Without SMTP_URL, mail stays put. */
export function startOutboxWorker(): void {
  if (!env().SMTP_URL || state.timer) return;
  state.timer = setInterval(() => {
    drainOutbox().catch((error) => logError("mail: draining the outbox", error));
  }, POLL_MS);
  state.timer.unref();
  kickOutbox();
}

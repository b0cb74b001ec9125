import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { actionTokens, outboxMessages } from "@/db/schema";
import type { Locale } from "@/lib/domain/locale";
import { outboxFields, type MailContent } from "@/lib/domain/mail";
import { mailLocaleOf } from "@/lib/domain/preferred-language";
import { CONFIRM_TOKEN_TTL_DAYS } from "@/lib/domain/support-links";
import { localize, type Translations } from "@/lib/domain/translations";
import { isOpenNow } from "./open-now";
import { SUPPORT_KINDS, type SupportKind } from "./support-kinds";

/** A supporter due their one reminder to confirm, in their language (their `preferred_language`). */
export interface ReminderDue {
  kind: SupportKind;
  locale: Locale;
  firstName: string;
  /** The petition's or pledge's title, translated where it is. */
  title: string;
  campaignName: string;
  enteredAt: Date;
}

/** What `prepare` returns: the reminder and its fresh confirm link (the raw token is in the mail only). */
export interface ReminderMail {
  tokenHash: string;
  expiresAt: Date;
  mail: MailContent;
}

const BATCH = 200;

/**
 * Queues the one reminder to confirm for every supporter who signed or pledged `afterHours` ago or
 * more and is still pending: not confirmed, not withdrawn, not erased, never reminded, and never
 * sent a repeat notice (which already carried a fresh confirm link). Late by at most a confirm
 * link's lifetime (after downtime, say); later than that nobody is reminded out of the blue.
 * Each row is claimed by the UPDATE that marks it (the inner SELECT skips rows another instance
 * has locked), so two runs at once never both remind anyone; the mark, the link and the email are
 * one transaction. The outbox drops the email if the supporter confirms or withdraws before it
 * goes (its `about`), and erasure deletes it. Returns how many were queued.
 */
export async function queueConfirmReminders(
  afterHours: number,
  prepare: (due: ReminderDue) => ReminderMail,
): Promise<number> {
  let queued = 0;
  for (const kind of ["petition", "pledge"] as const) {
    for (;;) {
      const batch = await queueBatch(kind, afterHours, prepare);
      queued += batch;
      if (batch < BATCH) break;
    }
  }
  return queued;
}

async function queueBatch(
  kind: SupportKind,
  afterHours: number,
  prepare: (due: ReminderDue) => ReminderMail,
): Promise<number> {
  const { table, parentTable, parentColumn, purposes, noun } = SUPPORT_KINDS[kind];
  return getDb().transaction(async (tx) => {
    const { rows } = await tx.execute<{
      id: string;
      email: string;
      firstName: string | null;
      createdAt: string | Date;
      preferredLanguage: string;
      title: string;
      translations: Translations<"title">;
      campaignName: string;
    }>(sql`
      update ${table} set reminder_sent_at = now()
      from ${parentTable}, campaigns
      where ${table}.id in (
          select s.id from ${table} s
          join ${parentTable} on ${parentTable}.id = s.${sql.identifier(parentColumn)}
          where ${isOpenNow(parentTable)} and s.state = 'pending' and s.reminder_sent_at is null and s.erased_at is null
            and s.withdrawn_at is null and s.email is not null and s.repeat_notices = 0
            and s.created_at <= now() - make_interval(hours => ${afterHours})
            and s.created_at > now() - make_interval(hours => ${afterHours}, days => ${CONFIRM_TOKEN_TTL_DAYS})
          order by s.created_at
          limit ${BATCH}
          for update of s skip locked
        )
        and ${parentTable}.id = ${table}.${sql.identifier(parentColumn)}
        and campaigns.id = ${parentTable}.campaign_id
      returning ${table}.id, ${table}.email, ${table}.first_name as "firstName",
        ${table}.created_at as "createdAt", ${table}.preferred_language as "preferredLanguage",
        ${parentTable}.title, ${parentTable}.translations, campaigns.name as "campaignName"`);
    for (const row of rows) {
      const locale = mailLocaleOf(row.preferredLanguage);
      const { tokenHash, expiresAt, mail } = prepare({
        kind,
        locale,
        firstName: row.firstName ?? "",
        title: localize({ title: row.title }, row.translations, locale).text.title,
        campaignName: row.campaignName,
        enteredAt: new Date(row.createdAt),
      });
      await tx
        .insert(actionTokens)
        .values({ tokenHash, purpose: purposes.confirm, subjectId: row.id, expiresAt });
      await tx
        .insert(outboxMessages)
        .values({
          dedupeKey: `reminder-${noun}:${row.id}`,
          recipient: row.email,
          template: `reminder-${kind}`,
          ...outboxFields(mail),
          metadata: { ...outboxFields(mail).metadata, about: { kind, id: row.id, state: "pending" } },
        })
        .onConflictDoNothing({ target: outboxMessages.dedupeKey });
    }
    return rows.length;
  });
}

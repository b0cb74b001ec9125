import "server-only";
import { and, asc, eq, isNotNull, isNull, lte, sql } from "drizzle-orm";
import { getDb } from "@/db";
import {
  actionTokens,
  campaigns,
  outboxMessages,
  pledgeCommitments,
  pledges,
  pledgeTakerCommitments,
  pledgeTakers,
} from "@/db/schema";
import type { Locale } from "@/lib/domain/locale";
import { outboxFields, type MailContent } from "@/lib/domain/mail";
import { mailLocaleOf } from "@/lib/domain/preferred-language";
import { localize, type Translations } from "@/lib/domain/translations";
import { slotSql } from "./counts";

const BATCH = 500;

/** A "stop updates" link's token (its hash), for a taker who asked for updates. */
export interface UpdatesToken {
  hash: string;
  expiresAt: Date;
}

/** An email to a pledge taker, with the stop-updates token it carries when they asked for updates. */
export interface TakerMail {
  mail: MailContent;
  unsubscribe: UpdatesToken | null;
}

/** A title in the taker's language, English where it has no translation. */
const titleIn = (locale: Locale, title: string, translations: Translations<string>) =>
  localize<"title">({ title }, translations, locale).text.title;

const unsubscribeTokenRow = (takerId: string, token: UpdatesToken) => ({
  tokenHash: token.hash,
  purpose: "unsubscribe-pledge" as const,
  subjectId: takerId,
  expiresAt: token.expiresAt,
});

/** Each in the taker's language (their `preferred_language`), titles too where translated. */
export interface ActivationNotice {
  locale: Locale;
  firstName: string;
  pledgeTitle: string;
  pledgeSlug: string;
  campaignName: string;
  /** When they took the pledge: the email's footer says why they receive it. */
  pledgedAt: Date;
  wantsUpdates: boolean;
  commitmentTitle: string;
  threshold: number;
}

/**
 * "I'll do it if N others will": marks each of a pledge's commitments whose verified takers have
 * reached its threshold as on, then emails every verified taker of an active commitment who has
 * not been told yet, exactly once (the mark on their row, under FOR UPDATE SKIP LOCKED, and the
 * outbox's dedupe key). Run after each confirmation has committed, and on a schedule.
 */
export async function activateReachedCommitments(
  pledgeId: string,
  buildMail: (notice: ActivationNotice) => TakerMail,
): Promise<number> {
  const db = getDb();
  await db
    .update(pledgeCommitments)
    .set({ activatedAt: sql`now()` })
    .where(
      and(
        eq(pledgeCommitments.pledgeId, pledgeId),
        isNull(pledgeCommitments.activatedAt),
        isNotNull(pledgeCommitments.threshold),
        sql`(select coalesce(sum(count), 0) from count_slots
              where subject = 'commitment' and subject_id = ${pledgeCommitments.id} and state = 'verified')
            >= ${pledgeCommitments.threshold}`,
      ),
    );
  let notified = 0;
  for (;;) {
    const sent = await db.transaction(async (tx) => {
      const due = await tx
        .select({
          takerId: pledgeTakerCommitments.takerId,
          commitmentId: pledgeTakerCommitments.commitmentId,
          firstName: pledgeTakers.firstName,
          email: pledgeTakers.email,
          pledgeTitle: pledges.title,
          pledgeTranslations: pledges.translations,
          pledgeSlug: pledges.slug,
          campaignName: campaigns.name,
          pledgedAt: pledgeTakers.createdAt,
          wantsUpdates: pledgeTakers.wantsUpdates,
          commitmentTitle: pledgeCommitments.title,
          commitmentTranslations: pledgeCommitments.translations,
          threshold: pledgeCommitments.threshold,
          preferredLanguage: pledgeTakers.preferredLanguage,
        })
        .from(pledgeTakerCommitments)
        .innerJoin(pledgeCommitments, eq(pledgeCommitments.id, pledgeTakerCommitments.commitmentId))
        .innerJoin(pledges, eq(pledges.id, pledgeCommitments.pledgeId))
        .innerJoin(campaigns, eq(campaigns.id, pledges.campaignId))
        .innerJoin(pledgeTakers, eq(pledgeTakers.id, pledgeTakerCommitments.takerId))
        .where(
          and(
            eq(pledgeCommitments.pledgeId, pledgeId),
            isNotNull(pledgeCommitments.activatedAt),
            isNull(pledgeTakerCommitments.activationSentAt),
            eq(pledgeTakers.state, "verified"),
            isNotNull(pledgeTakers.email),
          ),
        )
        .limit(BATCH)
        .for("update", { of: pledgeTakerCommitments, skipLocked: true });
      if (due.length === 0) return 0;
      const mails = due.map((row) => {
        const locale = mailLocaleOf(row.preferredLanguage);
        return {
          row,
          ...buildMail({
            locale,
            firstName: row.firstName ?? "",
            pledgeTitle: titleIn(locale, row.pledgeTitle, row.pledgeTranslations),
            pledgeSlug: row.pledgeSlug,
            campaignName: row.campaignName,
            pledgedAt: row.pledgedAt,
            wantsUpdates: row.wantsUpdates,
            commitmentTitle: titleIn(locale, row.commitmentTitle, row.commitmentTranslations),
            threshold: row.threshold ?? 0,
          }),
        };
      });
      const tokens = mails.flatMap(({ row, unsubscribe }) =>
        unsubscribe ? [unsubscribeTokenRow(row.takerId, unsubscribe)] : [],
      );
      if (tokens.length > 0) await tx.insert(actionTokens).values(tokens);
      await tx
        .insert(outboxMessages)
        .values(
          mails.map(({ row, mail }) => ({
            dedupeKey: `activation:${row.commitmentId}:${row.takerId}`,
            recipient: row.email!,
            template: "commitment-activated",
            ...outboxFields(mail),
          })),
        )
        .onConflictDoNothing({ target: outboxMessages.dedupeKey });
      await tx.execute(sql`
        update pledge_taker_commitments set activation_sent_at = now()
        where (taker_id, commitment_id) in (${sql.join(
          due.map((row) => sql`(${row.takerId}::uuid, ${row.commitmentId}::uuid)`),
          sql`, `,
        )})`);
      return due.length;
    });
    notified += sent;
    if (sent < BATCH) return notified;
  }
}

/** In the taker's language (their `preferred_language`), titles too where translated. */
export interface FollowUpDue {
  locale: Locale;
  firstName: string;
  email: string;
  pledgeTitle: string;
  campaignName: string;
  pledgedAt: Date;
  wantsUpdates: boolean;
  commitments: string[];
}

/**
 * The one follow-up per pledge taker, a pledge's configured number of days after they
 * confirmed: a "did you do it?" link (written by `prepare`, which holds the raw token) and its
 * email, written once (the mark on the taker's rows, under FOR UPDATE SKIP LOCKED, and the
 * outbox's dedupe key). Returns how many were queued.
 */
export async function queueFollowUps(
  prepare: (due: FollowUpDue) => TakerMail & { tokenHash: string; expiresAt: Date },
): Promise<number> {
  let queued = 0;
  for (;;) {
    const batch = await getDb().transaction(async (tx) => {
      const rows = await tx
        .select({
          takerId: pledgeTakers.id,
          firstName: pledgeTakers.firstName,
          email: pledgeTakers.email,
          pledgeTitle: pledges.title,
          pledgeTranslations: pledges.translations,
          campaignName: campaigns.name,
          pledgedAt: pledgeTakers.createdAt,
          wantsUpdates: pledgeTakers.wantsUpdates,
          commitmentTitle: pledgeCommitments.title,
          commitmentTranslations: pledgeCommitments.translations,
          preferredLanguage: pledgeTakers.preferredLanguage,
        })
        .from(pledgeTakerCommitments)
        .innerJoin(pledgeTakers, eq(pledgeTakers.id, pledgeTakerCommitments.takerId))
        .innerJoin(pledges, eq(pledges.id, pledgeTakers.pledgeId))
        .innerJoin(campaigns, eq(campaigns.id, pledges.campaignId))
        .innerJoin(pledgeCommitments, eq(pledgeCommitments.id, pledgeTakerCommitments.commitmentId))
        .where(
          and(
            isNull(pledgeTakerCommitments.followUpSentAt),
            eq(pledgeTakers.state, "verified"),
            isNotNull(pledgeTakers.email),
            isNotNull(pledges.followUpAfterDays),
            lte(pledgeTakers.verifiedAt, sql`now() - make_interval(days => ${pledges.followUpAfterDays})`),
          ),
        )
        .orderBy(asc(pledgeTakers.id), asc(pledgeCommitments.sortOrder))
        .limit(BATCH)
        .for("update", { of: pledgeTakerCommitments, skipLocked: true });
      const takers = new Map<string, FollowUpDue>();
      for (const row of rows) {
        const locale = mailLocaleOf(row.preferredLanguage);
        const taker = takers.get(row.takerId) ?? {
          locale,
          firstName: row.firstName ?? "",
          email: row.email!,
          pledgeTitle: titleIn(locale, row.pledgeTitle, row.pledgeTranslations),
          campaignName: row.campaignName,
          pledgedAt: row.pledgedAt,
          wantsUpdates: row.wantsUpdates,
          commitments: [],
        };
        taker.commitments.push(titleIn(locale, row.commitmentTitle, row.commitmentTranslations));
        takers.set(row.takerId, taker);
      }
      for (const [takerId, due] of takers) {
        const { tokenHash, expiresAt, mail, unsubscribe } = prepare(due);
        await tx
          .insert(actionTokens)
          .values([
            { tokenHash, purpose: "fulfil-commitment", subjectId: takerId, expiresAt },
            ...(unsubscribe ? [unsubscribeTokenRow(takerId, unsubscribe)] : []),
          ]);
        await tx
          .insert(outboxMessages)
          .values({
            dedupeKey: `follow-up:${takerId}`,
            recipient: due.email,
            template: "follow-up",
            ...outboxFields(mail),
          })
          .onConflictDoNothing({ target: outboxMessages.dedupeKey });
        await tx
          .update(pledgeTakerCommitments)
          .set({ followUpSentAt: sql`now()` })
          .where(eq(pledgeTakerCommitments.takerId, takerId));
      }
      return rows.length;
    });
    queued += batch;
    if (batch < BATCH) return queued;
  }
}

export interface Fulfilment {
  firstName: string;
  pledgeTitle: string;
  pledgeSlug: string;
  isExpired: boolean;
  commitments: { slug: string; title: string; isFulfilled: boolean }[];
}

/** What a follow-up link shows: the taker's commitments and which they have done. Changes nothing. */
export async function getFulfilment(tokenHash: string): Promise<Fulfilment | null> {
  const rows = await getDb()
    .select({
      firstName: pledgeTakers.firstName,
      pledgeTitle: pledges.title,
      pledgeSlug: pledges.slug,
      isExpired: sql<boolean>`${actionTokens.expiresAt} <= now()`,
      slug: pledgeCommitments.slug,
      title: pledgeCommitments.title,
      isFulfilled: sql<boolean>`${pledgeTakerCommitments.fulfilledAt} is not null`,
    })
    .from(actionTokens)
    .innerJoin(pledgeTakers, eq(pledgeTakers.id, actionTokens.subjectId))
    .innerJoin(pledges, eq(pledges.id, pledgeTakers.pledgeId))
    .innerJoin(pledgeTakerCommitments, eq(pledgeTakerCommitments.takerId, pledgeTakers.id))
    .innerJoin(pledgeCommitments, eq(pledgeCommitments.id, pledgeTakerCommitments.commitmentId))
    .where(
      and(
        eq(actionTokens.tokenHash, tokenHash),
        eq(actionTokens.purpose, "fulfil-commitment"),
        eq(pledgeTakers.state, "verified"),
      ),
    )
    .orderBy(asc(pledgeCommitments.sortOrder));
  const [first] = rows;
  if (!first) return null;
  return {
    firstName: first.firstName ?? "",
    pledgeTitle: first.pledgeTitle,
    pledgeSlug: first.pledgeSlug,
    isExpired: first.isExpired,
    commitments: rows.map(({ slug, title, isFulfilled }) => ({ slug, title, isFulfilled })),
  };
}

/**
 * "I did it": marks one commitment of the link's taker fulfilled and counts it, in one
 * statement, once however often the button is pressed. False when nothing changed.
 */
export async function fulfilCommitment(tokenHash: string, commitmentSlug: string): Promise<boolean> {
  const result = await getDb().execute<{ done: boolean }>(sql`
    with taker as (
      select pledge_takers.id from action_tokens
      join pledge_takers on pledge_takers.id = action_tokens.subject_id
      where action_tokens.token_hash = ${tokenHash} and action_tokens.purpose = 'fulfil-commitment'
        and action_tokens.expires_at > now() and pledge_takers.state = 'verified'
      for share of pledge_takers
    ), fulfilled as (
      update pledge_taker_commitments set fulfilled_at = now()
      from taker, pledge_commitments
      where pledge_taker_commitments.taker_id = taker.id
        and pledge_commitments.id = pledge_taker_commitments.commitment_id
        and pledge_commitments.slug = ${commitmentSlug}
        and pledge_taker_commitments.fulfilled_at is null
      returning pledge_taker_commitments.taker_id, pledge_taker_commitments.commitment_id
    ), counted as (
      insert into count_slots (subject, subject_id, state, slot, count)
      select 'fulfilment', commitment_id, 'verified', ${slotSql(sql`taker_id`)}, 1 from fulfilled
      on conflict (subject, subject_id, state, slot) do update set count = count_slots.count + excluded.count
    )
    select exists (select 1 from fulfilled) as done
  `);
  return result.rows[0]?.done ?? false;
}

import "server-only";
import { and, eq, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import {
  actionTokens,
  commentReports,
  outboxMessages,
  petitions,
  pledges,
  pledgeTakerCommitments,
  pledgeTakers,
  rateLimitWindows,
  signatures,
} from "@/db/schema";
import { WEBHOOK_RETENTION_DAYS } from "@/lib/domain/webhooks";
import { moveCount } from "./counts";
import { eraseSupporters } from "./erasure";

export interface RetentionPolicy {
  unconfirmedDays: number;
  ipDays: number;
  closedPetitionMonths: number;
  closedPledgeMonths: number;
  rejectedDays: number;
  outboxDays: number;
  /** The key of the hash a pruned email keeps of its address (the server's secret). */
  recipientHashKey: string;
}

/** How many rows of each kind a run changed (or, dry, would change): counts only, nobody's data. */
export interface RetentionReport {
  deletedUnconfirmed: number;
  deletedUnconfirmedTakers: number;
  erasedIpAddresses: number;
  erasedSigners: number;
  erasedPledgeTakers: number;
  erasedRejected: number;
  prunedEmails: number;
  deletedRateLimitWindows: number;
  deletedCommentReports: number;
  deletedWebhookEvents: number;
}

/** Thrown to roll a dry run back once it has counted what it would change. */
class DryRunDone extends Error {
  constructor(readonly report: RetentionReport) {
    super("retention dry run");
  }
}

const RETENTION_LOCK_KEY = 7_120_412_002;
const BATCH = 1_000;

/**
 * Keeps the privacy notice's promises: deletes signatures never confirmed, erases old IP
 * addresses, erases supporters' details once a closed petition's or pledge's retention has
 * passed and a rejected row's soon after, leaving the count, and prunes sent emails to what
 * proves delivery. One instance at a time runs it (an advisory lock); the others skip (null).
 * A dry run does all of it in its transaction, counts, and rolls back: the counts are exactly
 * what a run at that moment would change, and nothing is changed.
 */
export async function applyRetention(
  policy: RetentionPolicy,
  { dryRun = false }: { dryRun?: boolean } = {},
): Promise<RetentionReport | null> {
  try {
    return await runRetention(policy, dryRun);
  } catch (error) {
    if (error instanceof DryRunDone) return error.report;
    throw error;
  }
}

async function runRetention(policy: RetentionPolicy, dryRun: boolean): Promise<RetentionReport | null> {
  return getDb().transaction(async (tx) => {
    const [lock] = (
      await tx.execute<{ locked: boolean }>(
        sql`select pg_try_advisory_xact_lock(${RETENTION_LOCK_KEY}) as locked`,
      )
    ).rows;
    if (!lock?.locked) return null;

    const stale = await tx
      .select({ id: signatures.id, petitionId: signatures.petitionId })
      .from(signatures)
      .where(
        and(
          eq(signatures.state, "pending"),
          lt(signatures.createdAt, sql`now() - make_interval(days => ${policy.unconfirmedDays})`),
        ),
      )
      .orderBy(signatures.petitionId, signatures.id)
      .limit(BATCH)
      .for("update", { skipLocked: true });
    if (stale.length > 0) {
      const ids = stale.map((row) => row.id);
      await tx.delete(actionTokens).where(inArray(actionTokens.subjectId, ids));
      await tx.delete(signatures).where(inArray(signatures.id, ids));
      for (const row of stale) await moveCount(tx, "petition", row.petitionId, row.id, "pending", null);
    }
    const staleTakers = await deleteUnconfirmedTakers(tx, policy);

    const oldIps = sql`now() - make_interval(days => ${policy.ipDays})`;
    const erasedIps = [
      ...(await tx
        .update(signatures)
        .set({ ipAddress: null })
        .where(and(isNotNull(signatures.ipAddress), lt(signatures.createdAt, oldIps)))
        .returning({ id: signatures.id })),
      ...(await tx
        .update(pledgeTakers)
        .set({ ipAddress: null })
        .where(and(isNotNull(pledgeTakers.ipAddress), lt(pledgeTakers.createdAt, oldIps)))
        .returning({ id: pledgeTakers.id })),
    ];

    // A rate-limit window that has ended decides nothing, and it holds an IP address.
    const endedWindows = await tx
      .delete(rateLimitWindows)
      .where(
        sql`${rateLimitWindows.windowStart} + make_interval(secs => ${rateLimitWindows.windowSeconds}) < now()`,
      )
      .returning({ windowStart: rateLimitWindows.windowStart });

    // A comment report holds a trace of an address (a keyed hash): kept no longer than addresses
    // are, and not at all once staff have decided on the comment (db/queries/comments.ts).
    const reports = await tx
      .delete(commentReports)
      .where(
        sql`${commentReports.createdAt} < ${oldIps} or ${commentReports.signatureId} in (select id from ${signatures} where ${signatures.commentReview} in ('kept', 'removed') or ${signatures.erasedAt} is not null)`,
      )
      .returning({ signatureId: commentReports.signatureId });

    const closedLongAgo = tx
      .select({ id: petitions.id })
      .from(petitions)
      .where(
        and(
          eq(petitions.isOpen, false),
          lt(petitions.closesAt, sql`now() - make_interval(months => ${policy.closedPetitionMonths})`),
        ),
      );
    const erased = await eraseSupporters(tx, "petition", inArray(signatures.petitionId, closedLongAgo));
    // Pledge takers on the same schedule as signers (the privacy page states both).
    const closedPledges = tx
      .select({ id: pledges.id })
      .from(pledges)
      .where(
        and(
          eq(pledges.isOpen, false),
          lt(pledges.closesAt, sql`now() - make_interval(months => ${policy.closedPledgeMonths})`),
        ),
      );
    const erasedTakers = await eraseSupporters(tx, "pledge", inArray(pledgeTakers.pledgeId, closedPledges));

    // A rejected row (held and then rejected too) counts only as rejected: its state, reason and
    // dates are all the counting needs, so its details go as an erasure's do, after a short while.
    const rejectedLongAgo = (table: typeof signatures | typeof pledgeTakers) =>
      and(
        eq(table.state, "rejected"),
        lt(table.rejectedAt, sql`now() - make_interval(days => ${policy.rejectedDays})`),
      )!;
    const erasedRejected = [
      ...(await eraseSupporters(tx, "petition", rejectedLongAgo(signatures))),
      ...(await eraseSupporters(tx, "pledge", rejectedLongAgo(pledgeTakers))),
    ];

    const prunedEmails = await pruneSentEmails(tx, policy);

    // Sent webhook events hold supporters' details in their bodies: kept a while for the console's
    // delivery list and replays, then deleted (with their deliveries) once none is still being tried.
    const events = await tx.execute<{ id: string }>(sql`
      delete from webhook_events where occurred_at < now() - make_interval(days => ${WEBHOOK_RETENTION_DAYS})
        and not exists (select 1 from webhook_deliveries d
          where d.event_id = webhook_events.id and d.delivered_at is null and d.failed_at is null)
      returning id`);

    const report: RetentionReport = {
      deletedUnconfirmed: stale.length,
      deletedUnconfirmedTakers: staleTakers,
      erasedIpAddresses: erasedIps.length,
      erasedSigners: erased.length,
      erasedPledgeTakers: erasedTakers.length,
      erasedRejected: erasedRejected.length,
      prunedEmails,
      deletedRateLimitWindows: endedWindows.length,
      deletedCommentReports: reports.length,
      deletedWebhookEvents: events.rows.length,
    };
    if (dryRun) throw new DryRunDone(report);
    return report;
  });
}

/**
 * Pledge takers never confirmed go as unconfirmed signatures do: with their links, and out of the
 * pending counts of the pledge and of each commitment they chose (their choices go by cascade).
 */
async function deleteUnconfirmedTakers(tx: Db, policy: RetentionPolicy): Promise<number> {
  const stale = await tx
    .select({ id: pledgeTakers.id, pledgeId: pledgeTakers.pledgeId })
    .from(pledgeTakers)
    .where(
      and(
        eq(pledgeTakers.state, "pending"),
        lt(pledgeTakers.createdAt, sql`now() - make_interval(days => ${policy.unconfirmedDays})`),
      ),
    )
    .orderBy(pledgeTakers.pledgeId, pledgeTakers.id)
    .limit(BATCH)
    .for("update", { skipLocked: true });
  if (stale.length === 0) return 0;
  const ids = stale.map((row) => row.id);
  const chosen = await tx
    .select({ takerId: pledgeTakerCommitments.takerId, commitmentId: pledgeTakerCommitments.commitmentId })
    .from(pledgeTakerCommitments)
    .where(inArray(pledgeTakerCommitments.takerId, ids));
  await tx.delete(actionTokens).where(inArray(actionTokens.subjectId, ids));
  await tx.delete(pledgeTakers).where(inArray(pledgeTakers.id, ids));
  for (const row of stale) await moveCount(tx, "pledge", row.pledgeId, row.id, "pending", null);
  for (const row of chosen) await moveCount(tx, "commitment", row.commitmentId, row.takerId, "pending", null);
  return stale.length;
}

/**
 * A sent email (or one handed to the mail server and never confirmed sent: it is never sent again)
 * keeps, after `outboxDays`, what proves delivery: its id (the Message-ID it was sent with),
 * template, dedupe key (which names the supporter's row, not the person), times, and a keyed hash
 * of the address, so staff can answer "did you write to me?" without holding the address.
 * Subject, bodies, headers (unsubscribe links), sender name, address and last error go.
 */
async function pruneSentEmails(tx: Db, policy: RetentionPolicy): Promise<number> {
  const pruned = await tx
    .update(outboxMessages)
    .set({
      recipientHash: sql`encode(sha256(convert_to(${`${policy.recipientHashKey}:outbox-recipient:`} || lower(${outboxMessages.recipient}), 'UTF8')), 'hex')`,
      recipient: "",
      subject: "",
      textBody: "",
      htmlBody: null,
      metadata: sql`case when ${outboxMessages.metadata} -> 'about' is not null then jsonb_build_object('about', ${outboxMessages.metadata} -> 'about') else '{}'::jsonb end`,
      lastError: null,
      prunedAt: sql`now()`,
    })
    .where(
      and(
        isNull(outboxMessages.prunedAt),
        lt(
          sql`coalesce(${outboxMessages.sentAt}, ${outboxMessages.handedAt})`,
          sql`now() - make_interval(days => ${policy.outboxDays})`,
        ),
      ),
    )
    .returning({ id: outboxMessages.id });
  return pruned.length;
}

import "server-only";
import { and, eq, inArray, isNotNull, lt, sql } from "drizzle-orm";
import { getDb } from "@/db";
import {
  actionTokens,
  commentReports,
  petitions,
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
}

export interface RetentionReport {
  deletedUnconfirmed: number;
  erasedIpAddresses: number;
  erasedSigners: number;
}

const RETENTION_LOCK_KEY = 7_120_412_002;
const BATCH = 1_000;

/**
 * Keeps the privacy notice's promises: deletes signatures never confirmed, erases old IP
 * addresses, and erases signers' details once a closed petition's retention has passed,
 * leaving the count. One instance at a time runs it (an advisory lock); the others skip.
 */
export async function applyRetention(policy: RetentionPolicy): Promise<RetentionReport | null> {
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
    await tx
      .delete(rateLimitWindows)
      .where(
        sql`${rateLimitWindows.windowStart} + make_interval(secs => ${rateLimitWindows.windowSeconds}) < now()`,
      );

    // A comment report holds a trace of an address (a keyed hash): kept no longer than addresses
    // are, and not at all once staff have decided on the comment (db/queries/comments.ts).
    await tx
      .delete(commentReports)
      .where(
        sql`${commentReports.createdAt} < ${oldIps} or ${commentReports.signatureId} in (select id from ${signatures} where ${signatures.commentReview} in ('kept', 'removed') or ${signatures.erasedAt} is not null)`,
      );

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

    // Sent webhook events hold supporters' details in their bodies: kept a while for the console's
    // delivery list and replays, then deleted (with their deliveries) once none is still being tried.
    await tx.execute(sql`
      delete from webhook_events where occurred_at < now() - make_interval(days => ${WEBHOOK_RETENTION_DAYS})
        and not exists (select 1 from webhook_deliveries d
          where d.event_id = webhook_events.id and d.delivered_at is null and d.failed_at is null)`);

    return {
      deletedUnconfirmed: stale.length,
      erasedIpAddresses: erasedIps.length,
      erasedSigners: erased.length,
    };
  });
}

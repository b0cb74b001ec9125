import { applyRetention, type RetentionPolicy, type RetentionReport } from "@/db/queries/retention";
import { authSecret } from "@/lib/auth/secret";
import { every } from "@/lib/jobs/every";
import {
  CLOSED_PETITION_RETENTION_MONTHS,
  CLOSED_PLEDGE_RETENTION_MONTHS,
  IP_RETENTION_DAYS,
  REJECTED_RETENTION_DAYS,
  UNCONFIRMED_RETENTION_DAYS,
} from "@/lib/domain/privacy";
import { env } from "@/lib/env";

/** The privacy page's periods (lib/domain/privacy.ts, and OUTBOX_RETENTION_DAYS), as the job applies them. */
export function retentionPolicy(): RetentionPolicy {
  const config = env();
  return {
    unconfirmedDays: UNCONFIRMED_RETENTION_DAYS,
    ipDays: IP_RETENTION_DAYS,
    closedPetitionMonths: CLOSED_PETITION_RETENTION_MONTHS,
    closedPledgeMonths: CLOSED_PLEDGE_RETENTION_MONTHS,
    rejectedDays: REJECTED_RETENTION_DAYS,
    outboxDays: config.OUTBOX_RETENTION_DAYS,
    recipientHashKey: authSecret(config),
  };
}

/** Each count of a report in words, for the log and `npm run retention`. */
export const RETENTION_REPORT_WORDS: Record<keyof RetentionReport, string> = {
  deletedUnconfirmed: `signatures never confirmed, deleted after ${UNCONFIRMED_RETENTION_DAYS} days`,
  deletedUnconfirmedTakers: `pledge takers never confirmed, deleted after ${UNCONFIRMED_RETENTION_DAYS} days`,
  erasedIpAddresses: `IP addresses erased after ${IP_RETENTION_DAYS} days`,
  erasedSigners: `signers of petitions closed over ${CLOSED_PETITION_RETENTION_MONTHS} months ago, erased`,
  erasedPledgeTakers: `pledge takers of pledges closed over ${CLOSED_PLEDGE_RETENTION_MONTHS} months ago, erased`,
  erasedRejected: `rejected signatures and pledges, erased ${REJECTED_RETENTION_DAYS} days after rejection`,
  prunedEmails: "sent emails pruned to their delivery record (OUTBOX_RETENTION_DAYS)",
  deletedRateLimitWindows: "ended rate-limit windows deleted",
  deletedCommentReports: "comment reports deleted",
  deletedWebhookEvents: "old webhook events deleted",
};

/** Applies the privacy notice's retention periods a minute after start, then every hour. */
export function startRetentionSchedule(): void {
  every("retention", 3_600_000, 60_000, async () => {
    const report = await applyRetention(retentionPolicy());
    if (report && Object.values(report).some((count) => count > 0)) {
      console.log("[retention]", JSON.stringify(report));
    }
  });
}

import { applyRetention } from "@/db/queries/retention";
import { every } from "@/lib/jobs/every";
import {
  CLOSED_PETITION_RETENTION_MONTHS,
  IP_RETENTION_DAYS,
  UNCONFIRMED_RETENTION_DAYS,
} from "@/lib/domain/privacy";

export const RETENTION_POLICY = {
  unconfirmedDays: UNCONFIRMED_RETENTION_DAYS,
  ipDays: IP_RETENTION_DAYS,
  closedPetitionMonths: CLOSED_PETITION_RETENTION_MONTHS,
};

/** Applies the privacy notice's retention periods a minute after start, then every hour. */
export function startRetentionSchedule(): void {
  every("retention", 3_600_000, 60_000, async () => {
    const report = await applyRetention(RETENTION_POLICY);
    if (report && (report.deletedUnconfirmed || report.erasedIpAddresses || report.erasedSigners)) {
      console.log("[retention]", JSON.stringify(report));
    }
  });
}

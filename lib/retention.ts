import { applyRetention } from "@/db/queries/retention";
import { CLOSED_PETITION_RETENTION_MONTHS, IP_RETENTION_DAYS, UNCONFIRMED_RETENTION_DAYS } from "@/lib/privacy";

const HOUR_MS = 3_600_000;

export const RETENTION_POLICY = {
  unconfirmedDays: UNCONFIRMED_RETENTION_DAYS,
  ipDays: IP_RETENTION_DAYS,
  closedPetitionMonths: CLOSED_PETITION_RETENTION_MONTHS,
};

async function runOnce() {
  try {
    const report = await applyRetention(RETENTION_POLICY);
    if (report && (report.deletedUnconfirmed || report.erasedIpAddresses || report.erasedSigners)) {
      console.log("[retention]", JSON.stringify(report));
    }
  } catch (error) {
    console.error("[retention] could not apply the retention policy; will try again within the hour", error);
  }
}

/** Applies the privacy notice's retention periods a minute after start, then every hour. */
export function startRetentionSchedule(): void {
  const holder = globalThis as { upstandRetention?: boolean };
  if (holder.upstandRetention) return;
  holder.upstandRetention = true;
  setTimeout(() => void runOnce(), 60_000).unref();
  setInterval(() => void runOnce(), HOUR_MS).unref();
}

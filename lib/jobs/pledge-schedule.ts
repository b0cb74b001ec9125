import { listPledgeIds } from "@/db/queries/pledges";
import { every } from "@/lib/jobs/every";
import { announceActivations, sendFollowUps } from "@/lib/signing/pledging";

const PLEDGE_JOBS_EVERY_MS = 15 * 60_000;

/**
 * Every quarter of an hour: the follow-up emails that have come due, and any commitment
 * activation a crash kept from being announced right after its confirmation.
 */
export function startPledgeSchedule(): void {
  every("pledges", PLEDGE_JOBS_EVERY_MS, 90_000, async () => {
    for (const pledgeId of await listPledgeIds()) await announceActivations(pledgeId);
    const queued = await sendFollowUps();
    if (queued > 0) console.log(`[pledges] queued ${queued} follow-up emails`);
  });
}

import { publishDailyIntegrityRoots } from "@/db/queries/integrity";
import { every } from "@/lib/jobs/every";

// Hourly, so a day's root is published within an hour of midnight UTC, or of an instance starting.
const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * Publishes each petition's daily integrity root (docs/INTEGRITY.md). Every instance runs it:
 * the first to reach a petition on a given UTC day publishes, and the others find it done.
 */
export function startIntegritySchedule(): void {
  every("integrity roots", CHECK_EVERY_MS, 60_000, async () => {
    const published = await publishDailyIntegrityRoots();
    if (published > 0) console.info(`[integrity] published ${published} daily root(s)`);
  });
}

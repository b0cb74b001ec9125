import { releaseHeldAutomatically, type HoldPolicy } from "@/db/queries/holds";
import { env } from "@/lib/env";
import { every } from "@/lib/jobs/every";

const RELEASE_EVERY_MS = 10 * 60_000;

/** When held signatures are let in by time: from HOLD_RELEASE_AFTER_HOURS and HOLD_AUTO_RELEASE_MAX. */
export function holdPolicy(): HoldPolicy {
  const config = env();
  return {
    releaseAfterHours: config.HOLD_RELEASE_AFTER_HOURS,
    maxPerAddressHour: config.HOLD_AUTO_RELEASE_MAX,
  };
}

/** Every ten minutes, releases the held groups that staff have not acted on and are small enough. */
export function startHoldReleaseSchedule(): void {
  every("hold-release", RELEASE_EVERY_MS, 90_000, async () => {
    const released = await releaseHeldAutomatically(holdPolicy());
    if (released > 0)
      console.log(`[hold-release] released ${released} held after ${holdPolicy().releaseAfterHours} h`);
  });
}

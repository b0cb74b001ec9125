import { claimDeliveryPack, failDeliveryPack, requeueDeliveryPack } from "@/db/queries/delivery-packs";
import { DeliveryCountChanged, LostDeliveryLease, makeDeliveryPack } from "@/lib/delivery/make-pack";
import { logError } from "@/lib/log";

const POLL_MS = 5_000;
/** Tries at making one pack before it is marked failed (a signer withdrawing mid-way costs one). */
const MAX_TRIES = 3;

interface DeliveryWorker {
  running: boolean;
  again: boolean;
  timer: ReturnType<typeof setInterval> | null;
}

// On globalThis: Next.js may load this module once for instrumentation and again for actions,
// and a kick from either must reach the one worker.
const state = ((globalThis as { upstandDelivery?: DeliveryWorker }).upstandDelivery ??= {
  running: false,
  again: false,
  timer: null,
});

/**
 * Makes every pack waiting, one at a time, until none is left; returns how many it made. Any
 * instance runs this: a pack is claimed with a lease, so one left half-made by an instance that
 * stopped is made again from the start by whichever instance polls next after the lease runs out.
 */
export async function runDeliveryPacks(): Promise<number> {
  if (state.running) {
    state.again = true;
    return 0;
  }
  state.running = true;
  let made = 0;
  try {
    do {
      state.again = false;
      for (let pack = await claimDeliveryPack(); pack; pack = await claimDeliveryPack()) {
        try {
          await makeDeliveryPack(pack);
          made++;
        } catch (error) {
          if (error instanceof LostDeliveryLease) continue;
          if (error instanceof DeliveryCountChanged && pack.attempt < MAX_TRIES) {
            await requeueDeliveryPack(pack);
            continue;
          }
          logError(`delivery pack ${pack.id} (attempt ${pack.attempt})`, error);
          await failDeliveryPack(pack);
        }
      }
    } while (state.again);
  } finally {
    state.running = false;
  }
  return made;
}

/** Called after a pack is asked for: start on it now rather than at the next poll. */
export function kickDeliveryPacks(): void {
  setImmediate(() => runDeliveryPacks().catch((error) => logError("delivery packs", error)));
}

/** Polls for packs asked for on another instance, or left half-made by one that stopped. */
export function startDeliveryPackWorker(): void {
  if (state.timer) return;
  state.timer = setInterval(() => {
    runDeliveryPacks().catch((error) => logError("delivery packs", error));
  }, POLL_MS);
  state.timer.unref();
  kickDeliveryPacks();
}

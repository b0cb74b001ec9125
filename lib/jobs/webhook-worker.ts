import { claimWebhookDeliveries } from "@/db/queries/webhook-deliveries";
import { logError } from "@/lib/log";
import { deliverWebhook } from "@/lib/webhooks/deliver";
import { kickOutbox } from "./outbox-worker";

// Events are written by the database in the transaction that made them (migration 0021), so no
// code path tells the worker of them: it polls. A poll is one indexed query that finds nothing.
const POLL_MS = 2_000;
// Messages are sent side by side, so that one endpoint that takes its 15 s does not hold up the rest.
const BATCH = 10;

interface WorkerState {
  running: boolean;
  again: boolean;
  timer: ReturnType<typeof setInterval> | null;
}

// On globalThis, as the mail outbox's worker: one worker per process, whichever module copy kicks it.
const state = ((globalThis as { upstandWebhooks?: WorkerState }).upstandWebhooks ??= {
  running: false,
  again: false,
  timer: null,
});

/** Sends every webhook message that is due, until none is. Safe to call at any time. */
export async function drainWebhooks(): Promise<number> {
  if (state.running) {
    state.again = true;
    return 0;
  }
  state.running = true;
  let attempted = 0;
  try {
    do {
      state.again = false;
      for (
        let batch = await claimWebhookDeliveries(BATCH);
        batch.length > 0;
        batch = await claimWebhookDeliveries(BATCH)
      ) {
        await Promise.all(
          batch.map((delivery) =>
            deliverWebhook(delivery).catch((error) =>
              // Left leased: it is tried again, with the same id, when the lease runs out.
              logError(`webhooks: delivering msg_${delivery.id}`, error),
            ),
          ),
        );
        attempted += batch.length;
        // A disabled endpoint emails the admins through the mail outbox.
        kickOutbox();
      }
    } while (state.again);
  } finally {
    state.running = false;
  }
  return attempted;
}

/** After staff queue a message (a test, a replay): send it now rather than at the next poll. */
export function kickWebhooks(): void {
  setImmediate(() => drainWebhooks().catch((error) => logError("webhooks: draining", error)));
}

export function startWebhookWorker(): void {
  if (state.timer) return;
  state.timer = setInterval(() => {
    drainWebhooks().catch((error) => logError("webhooks: draining", error));
  }, POLL_MS);
  state.timer.unref();
  kickWebhooks();
}

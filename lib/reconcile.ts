import { reconcileCounts } from "@/db/queries/reconcile";
import { every } from "@/lib/jobs";

const RECONCILE_EVERY_MS = 10 * 60_000;

/** Recounts every total from the rows every ten minutes, and repairs and logs any drift. */
export function startReconcileSchedule(): void {
  every("reconcile", RECONCILE_EVERY_MS, 30_000, async () => {
    const report = await reconcileCounts();
    if (report?.drift.length) console.warn("[reconcile] repaired drift", JSON.stringify(report.drift));
  });
}

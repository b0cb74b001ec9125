import { reconcileCounts } from "@/db/queries/reconcile";
import { env } from "@/lib/env";
import { every } from "@/lib/jobs/every";

/** Recounts every total from the rows every RECONCILE_EVERY_SECONDS (ten minutes), and repairs and logs any drift. */
export function startReconcileSchedule(): void {
  const intervalMs = env().RECONCILE_EVERY_SECONDS * 1000;
  every("reconcile", intervalMs, Math.min(intervalMs, 30_000), async () => {
    const report = await reconcileCounts();
    if (report?.drift.length) console.warn("[reconcile] repaired drift", JSON.stringify(report.drift));
  });
}

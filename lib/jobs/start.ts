import { startConfirmReminderSchedule } from "@/lib/jobs/confirm-reminders";
import { startDeliveryPackWorker } from "@/lib/jobs/delivery-packs";
import { startIntegritySchedule } from "@/lib/jobs/integrity";
import { startHoldReleaseSchedule } from "@/lib/jobs/hold-release";
import { startOutboxWorker } from "@/lib/jobs/outbox-worker";
import { startPledgeSchedule } from "@/lib/jobs/pledge-schedule";
import { startReconcileSchedule } from "@/lib/jobs/reconcile";
import { startRetentionSchedule } from "@/lib/jobs/retention";
import { startWebhookWorker } from "@/lib/jobs/webhook-worker";

/**
 * Everything that runs on a schedule in a server, started here and nowhere else: instrumentation.ts
 * calls this once the database is ready. Each job runs once per process however often it is started
 * (lib/jobs/every.ts), and on every instance: reconciliation and retention take an advisory lock
 * in their query so that one instance at a time runs them; the outbox and webhook workers and the
 * confirmation reminders claim their rows; the integrity roots are one per petition and day.
 */
export function startJobs(): void {
  startOutboxWorker();
  startWebhookWorker();
  startDeliveryPackWorker();
  startRetentionSchedule();
  startReconcileSchedule();
  startPledgeSchedule();
  startHoldReleaseSchedule();
  startConfirmReminderSchedule();
  startIntegritySchedule();
}

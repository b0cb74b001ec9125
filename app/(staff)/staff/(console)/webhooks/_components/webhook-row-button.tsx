"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import type { ActionResult } from "@/lib/action-result";
import {
  deleteWebhookAction,
  enableWebhookAction,
  replayDeliveryAction,
  sendTestEventAction,
} from "@/lib/actions/staff-webhooks";

const ACTIONS = {
  test: { action: sendTestEventAction, busy: "Sending…", done: "Test event queued." },
  replay: { action: replayDeliveryAction, busy: "Replaying…", done: "Queued again." },
  enable: { action: enableWebhookAction, busy: "Enabling…", done: "Enabled." },
  delete: { action: deleteWebhookAction, busy: "Deleting…", done: "Deleted." },
} satisfies Record<
  string,
  {
    action: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
    busy: string;
    done: string;
  }
>;

/** One button acting on one endpoint or delivery, with what became of it said beside it. */
export function WebhookRowButton({
  kind,
  id,
  label,
  accessibleName,
}: {
  kind: keyof typeof ACTIONS;
  id: string;
  label: string;
  accessibleName: string;
}) {
  const { action, busy, done } = ACTIONS[kind];
  const { formRef, formAction, onSubmit, isPending, formError, result } = useActionForm({ action });
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      className="inline-flex flex-wrap items-center gap-2"
    >
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="button-secondary" disabled={isPending} aria-label={accessibleName}>
        {isPending ? busy : label}
      </button>
      <span aria-live="polite" className="text-sm">
        {formError ? <span className="font-semibold text-error">{formError}</span> : result?.ok ? done : ""}
      </span>
    </form>
  );
}

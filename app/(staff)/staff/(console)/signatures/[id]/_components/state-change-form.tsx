"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Field, INPUT_CLASS } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import type { SupportKind } from "@/db/queries/supporters";
import type { SupportState } from "@/lib/domain/enums";
import { moderateSupporterAction } from "@/lib/actions/staff-moderation";
import { REASON_MAX, supporterChangeSchema } from "@/lib/validation/moderation";

export interface StateChangeFormProps {
  kind: SupportKind;
  id: string;
  state: SupportState;
  wasTurnedAway: boolean;
}

const DONE: Partial<Record<SupportState, string>> = {
  rejected: "Rejected. It no longer counts toward the public total.",
  verified: "Restored: verified again, and counted in the public total.",
  pending: "Restored: pending again, counted once the person confirms.",
};

/** Reject a pending, held or verified supporter, or restore a rejected one: always with a reason. */
export function StateChangeForm({ kind, id, state, wasTurnedAway }: StateChangeFormProps) {
  const { formRef, formAction, onSubmit, result, isPending, error, formError, field } = useActionForm({
    resolver: zodResolver(supporterChangeSchema.pick({ reason: true })),
    action: moderateSupporterAction,
  });
  const change = state === "rejected" ? "restore" : "reject";
  const canChange =
    state === "pending" ||
    state === "verified" ||
    state === "held" ||
    (state === "rejected" && !wasTurnedAway);
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="max-w-xl space-y-3 rounded-xl border border-line p-4"
      aria-labelledby="state-change-heading"
    >
      <h2 id="state-change-heading" className="font-serif text-xl font-semibold">
        {change === "reject" ? "Reject" : "Restore"}
      </h2>
      <div aria-live="polite" data-testid="state-change-status">
        {result?.ok ? <p className="font-semibold">{DONE[result.data.state]}</p> : null}
        {formError ? <p className="font-semibold text-error">{formError}</p> : null}
      </div>
      {!canChange ? (
        <p>
          {state === "withdrawn"
            ? "The person withdrew this themselves: there is nothing to reject or restore."
            : "Turned away at signing by the per-IP limit, it never had a confirmation link, so restoring it could not make it count. The person can sign again."}
        </p>
      ) : (
        <>
          <p className="text-sm">
            {change === "reject"
              ? "It leaves the public total at once. You can restore it later."
              : "It goes back to the state it had before: verified if the person had confirmed, otherwise pending."}
          </p>
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="change" value={change} />
          <Field
            id="change-reason"
            label="Reason"
            hint={`Kept in the audit log; never shown publicly (the integrity page says only "rejected by staff after review"). Up to ${REASON_MAX} characters.`}
            error={error("reason")}
          >
            {(describedBy, invalid) => (
              <textarea
                id="change-reason"
                rows={2}
                maxLength={REASON_MAX}
                className={INPUT_CLASS}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                {...field("reason")}
              />
            )}
          </Field>
          <button type="submit" className="button-primary" disabled={isPending}>
            {isPending ? "Saving…" : change === "reject" ? "Reject" : "Restore"}
          </button>
        </>
      )}
    </form>
  );
}

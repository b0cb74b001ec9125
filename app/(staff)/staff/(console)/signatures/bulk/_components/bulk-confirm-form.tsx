"use client";

import { useActionState } from "react";
import { Field, INPUT_CLASS } from "@/components/forms/field";
import { bulkRejectAction } from "@/lib/actions/staff-moderation";
import { REASON_MAX } from "@/lib/validation/moderation";

export interface BulkConfirmFormProps {
  /** The rule as previewed (what was typed), sent back with the count it gave. */
  rule: Record<"target" | "ip" | "domain" | "from" | "to", string>;
  expectedCount: number;
}

const format = new Intl.NumberFormat("en-US");

/** Rejects what the preview counted, or nothing: the count is checked again as the rows are locked. */
export function BulkConfirmForm({ rule, expectedCount }: BulkConfirmFormProps) {
  const [result, action, isPending] = useActionState(bulkRejectAction, null);
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const isDone = result?.ok === true;
  return (
    <section aria-labelledby="confirm-heading" className="max-w-2xl space-y-3 rounded-xl border-2 border-error/60 p-4">
      <h2 id="confirm-heading" className="font-serif text-xl font-semibold">
        {isDone ? "Done" : `Reject these ${format.format(expectedCount)}`}
      </h2>
      <div aria-live="polite" data-testid="bulk-status">
        {result?.ok ? <p className="font-semibold">Rejected {format.format(result.data.rejected)}. Each left the public total if it was in it.</p> : null}
        {result && !result.ok && result.formError ? <p className="font-semibold text-error">{result.formError}</p> : null}
        {!isDone && expectedCount === 0 ? <p>This rule selects nothing that could be rejected.</p> : null}
      </div>
      {!isDone && expectedCount > 0 ? (
        <form action={action} className="space-y-3">
          {Object.entries(rule).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <input type="hidden" name="expectedCount" value={expectedCount} />
          <Field id="bulk-reason" label="Reason" hint={`Kept with each row and in the audit log. Up to ${REASON_MAX} characters.`} error={errors.reason?.[0]}>
            {(describedBy, invalid) => (
              <textarea id="bulk-reason" name="reason" rows={2} maxLength={REASON_MAX} className={INPUT_CLASS} aria-describedby={describedBy} aria-invalid={invalid} />
            )}
          </Field>
          <p className="text-sm">
            Each can be restored one by one later. If the rule selects a different number by the time you press the button,
            nothing is rejected and you are asked to preview again.
          </p>
          <button type="submit" className="button-primary" disabled={isPending}>
            {isPending ? "Rejecting…" : `Reject ${format.format(expectedCount)}`}
          </button>
        </form>
      ) : null}
    </section>
  );
}

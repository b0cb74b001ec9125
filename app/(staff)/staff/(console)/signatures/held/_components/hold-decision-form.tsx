"use client";

import { useActionState } from "react";
import { Field, INPUT_CLASS } from "@/components/forms/field";
import { decideHeldGroupAction } from "@/lib/actions/staff-holds";
import { REASON_MAX } from "@/lib/validation/moderation";

export interface HoldDecisionFormProps {
  /** The group as previewed (from the page's address), sent back with the count it gave. */
  group: Record<"target" | "by" | "value", string>;
  expectedCount: number;
}

const format = new Intl.NumberFormat("en-US");

/** Releases or rejects what the preview counted, or nothing: the count is checked again as the rows are locked. */
export function HoldDecisionForm({ group, expectedCount }: HoldDecisionFormProps) {
  const [result, action, isPending] = useActionState(decideHeldGroupAction, null);
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const isDone = result?.ok === true;
  return (
    <section aria-labelledby="decide-heading" className="max-w-2xl space-y-3 rounded-xl border-2 border-line p-4">
      <h2 id="decide-heading" className="font-serif text-xl font-semibold">
        {isDone ? "Done" : `Release or reject these ${format.format(expectedCount)}`}
      </h2>
      <div aria-live="polite" data-testid="hold-status">
        {result?.ok ? (
          <p className="font-semibold">
            Done for {format.format(result.data.changed)}. {format.format(result.data.counted)} joined the public total; the rest count once
            their owners confirm, or not at all if rejected.
          </p>
        ) : null}
        {result && !result.ok && result.formError ? <p className="font-semibold text-error">{result.formError}</p> : null}
        {!isDone && expectedCount === 0 ? <p>This group holds nothing now.</p> : null}
      </div>
      {!isDone && expectedCount > 0 ? (
        <form action={action} className="space-y-3">
          {Object.entries(group).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <input type="hidden" name="expectedCount" value={expectedCount} />
          <Field id="hold-reason" label="Reason" hint={`Kept in the audit log (and with each row, if rejected). Up to ${REASON_MAX} characters.`} error={errors.reason?.[0]}>
            {(describedBy, invalid) => (
              <textarea id="hold-reason" name="reason" rows={2} maxLength={REASON_MAX} className={INPUT_CLASS} aria-describedby={describedBy} aria-invalid={invalid} />
            )}
          </Field>
          <p className="text-sm">If the group holds a different number by the time you press a button, nothing changes and you are asked to look again.</p>
          <div className="flex flex-wrap gap-3">
            <button type="submit" name="decision" value="release" className="button-primary" disabled={isPending}>
              Release {format.format(expectedCount)}
            </button>
            <button type="submit" name="decision" value="reject" className="button-secondary" disabled={isPending}>
              Reject {format.format(expectedCount)}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import type { ReactNode } from "react";
import { Field, INPUT_CLASS } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormAction } from "@/lib/action-result";
import { REASON_MAX, reasonSchema } from "@/lib/validation/moderation";
import { z } from "zod";

export interface PreviewDecisionFormProps<D> {
  action: FormAction<D>;
  /** What was previewed (a held group, a bulk rule, from the page's address), sent back with the count it gave. */
  preview: Record<string, string>;
  expectedCount: number;
  /** Names the reason field (`${id}-reason`). */
  id: string;
  headingId: string;
  heading: string;
  /** The section's border: a warning for what rejects, a plain line otherwise. */
  tone: "warning" | "plain";
  statusTestId: string;
  reasonHint: string;
  /** What is said once it is done, and when the preview selects nothing. */
  done: (data: D) => ReactNode;
  empty: string;
  note: string;
  buttons: (isPending: boolean) => ReactNode;
}

// The reason is the only field an editor types; the rest is the preview, checked by the server.
const reasonOnly = z.object({ reason: reasonSchema });

/**
 * Acts on what a preview counted, or on nothing: the count is checked again as the rows are
 * locked. Shared by the held signatures (release or reject a group) and the bulk rejection.
 */
export function PreviewDecisionForm<D>({
  action,
  preview,
  expectedCount,
  id,
  headingId,
  heading,
  tone,
  statusTestId,
  reasonHint,
  done,
  empty,
  note,
  buttons,
}: PreviewDecisionFormProps<D>) {
  const { formRef, formAction, onSubmit, result, isPending, error, formError, field } = useActionForm({
    resolver: zodResolver(reasonOnly),
    action,
  });
  const isDone = result?.ok === true;
  return (
    <section
      aria-labelledby={headingId}
      className={`max-w-2xl space-y-3 rounded-xl border-2 p-4 ${tone === "warning" ? "border-error/60" : "border-line"}`}
    >
      <h2 id={headingId} className="font-serif text-xl font-semibold">
        {isDone ? "Done" : heading}
      </h2>
      <div aria-live="polite" data-testid={statusTestId}>
        {result?.ok ? <p className="font-semibold">{done(result.data)}</p> : null}
        {formError ? <p className="font-semibold text-error">{formError}</p> : null}
        {!isDone && expectedCount === 0 ? <p>{empty}</p> : null}
      </div>
      {!isDone && expectedCount > 0 ? (
        <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-3">
          {Object.entries(preview).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <input type="hidden" name="expectedCount" value={expectedCount} />
          <Field id={`${id}-reason`} label="Reason" hint={reasonHint} error={error("reason")}>
            {(describedBy, invalid) => (
              <textarea
                id={`${id}-reason`}
                rows={2}
                maxLength={REASON_MAX}
                className={INPUT_CLASS}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                {...field("reason")}
              />
            )}
          </Field>
          <p className="text-sm">{note}</p>
          {buttons(isPending)}
        </form>
      ) : null}
    </section>
  );
}

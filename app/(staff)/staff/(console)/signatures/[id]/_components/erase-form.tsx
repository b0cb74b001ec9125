"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useRef, useState } from "react";
import { Field, INPUT_CLASS } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import type { SupportKind } from "@/db/queries/supporters";
import { eraseSupporterAction } from "@/lib/actions/staff-moderation";
import { erasureSchema, REASON_MAX } from "@/lib/validation/moderation";

export interface EraseFormProps {
  kind: SupportKind;
  id: string;
  isErased: boolean;
}

/**
 * Erasure on a person's request, in two deliberate steps: first what goes and what stays, then a
 * reason and a tick that it cannot be undone.
 */
export function EraseForm({ kind, id, isErased }: EraseFormProps) {
  const { formRef, formAction, onSubmit, result, isPending, error, formError, field, checkbox } =
    useActionForm({
      resolver: zodResolver(erasureSchema.pick({ reason: true, isConfirmed: true })),
      action: eraseSupporterAction,
    });
  const [isOpen, setIsOpen] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const hasOpened = useRef(false);
  // Keyboard users land on the warning when it opens, and back on the button when they cancel.
  useEffect(() => {
    if (isOpen) {
      hasOpened.current = true;
      heading.current?.focus();
    } else if (hasOpened.current) {
      opener.current?.focus();
    }
  }, [isOpen]);
  return (
    <section
      aria-labelledby="erase-heading"
      className="max-w-xl space-y-3 rounded-xl border-2 border-error/60 p-4"
    >
      <h2 id="erase-heading" className="font-serif text-xl font-semibold">
        Erase this person’s data
      </h2>
      <div aria-live="polite" data-testid="erase-status">
        {result?.ok ? (
          <p className="font-semibold">
            Erased. Their name, email, postal code and IP address are gone for good.
          </p>
        ) : null}
        {formError ? <p className="font-semibold text-error">{formError}</p> : null}
      </div>
      {isErased ? (
        <p className="text-sm">
          Their data has been erased. The row stays, without it, so the count stays right.
        </p>
      ) : !isOpen ? (
        <button ref={opener} type="button" className="button-secondary" onClick={() => setIsOpen(true)}>
          Erase…
        </button>
      ) : (
        <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-3">
          <h3 ref={heading} tabIndex={-1} className="font-semibold">
            This cannot be undone
          </h3>
          <p className="text-sm">
            <strong>Gone for good:</strong> first and last name, email address, postal code, IP address,
            comment, and the emails we hold for them. Their confirm and withdraw links stop working.
          </p>
          <p className="text-sm">
            <strong>Kept, anonymous:</strong> that someone signed, when, and in which state, so every total
            stays as it is; their country and state or province, and the source they came by. Only this{" "}
            {kind === "petition" ? "signature" : "pledge"} is erased: search by their email first to find any
            others.
          </p>
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="id" value={id} />
          <Field
            id="erase-reason"
            label="How they asked"
            hint="For the audit log, e.g. “emailed us on 3 May”. No personal details."
            error={error("reason")}
          >
            {(describedBy, invalid) => (
              <input
                id="erase-reason"
                maxLength={REASON_MAX}
                className={INPUT_CLASS}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                {...field("reason")}
              />
            )}
          </Field>
          <div className="space-y-1">
            <label className="flex items-center gap-3">
              <input
                type="checkbox"
                value="on"
                className="size-5 accent-accent"
                aria-invalid={Boolean(error("isConfirmed"))}
                aria-describedby={error("isConfirmed") ? "erase-confirm-error" : undefined}
                {...checkbox("isConfirmed")}
              />
              I understand that this cannot be undone
            </label>
            {error("isConfirmed") ? (
              <p id="erase-confirm-error" className="text-sm font-semibold text-error">
                {error("isConfirmed")}
              </p>
            ) : null}
          </div>
          <div className="flex flex-wrap gap-3">
            <button type="submit" className="button-primary" disabled={isPending}>
              {isPending ? "Erasing…" : "Erase for good"}
            </button>
            <button type="button" className="button-secondary" onClick={() => setIsOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

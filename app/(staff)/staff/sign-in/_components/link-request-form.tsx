"use client";

import { useActionState } from "react";
import { Field, INPUT_CLASS } from "@/components/forms/field";
import { requestSignInLinkAction } from "@/lib/actions/staff-auth";

export function LinkRequestForm() {
  const [state, action, isPending] = useActionState(requestSignInLinkAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} className="space-y-4" aria-labelledby="link-heading">
      <h2 id="link-heading" className="font-serif text-xl font-semibold">
        With a link by email
      </h2>
      <div aria-live="polite" data-testid="link-status">
        {state?.ok ? (
          <p className="rounded-md border-2 border-live p-3 font-semibold">
            If this address belongs to a member of staff, a sign-in link is on its way. It works once, for 30 minutes.
          </p>
        ) : null}
        {state && !state.ok && state.formError ? <p className="rounded-md border-2 border-error p-3 font-semibold">{state.formError}</p> : null}
      </div>
      <Field id="link-email" label="Email address for a link" error={errors.email?.[0]}>
        {(describedBy, invalid) => (
          <input id="link-email" name="email" type="email" autoComplete="email" className={INPUT_CLASS} aria-describedby={describedBy} aria-invalid={invalid} />
        )}
      </Field>
      <button type="submit" className="button-secondary" disabled={isPending}>
        {isPending ? "Sending…" : "Email me a sign-in link"}
      </button>
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { Field, INPUT_CLASS } from "@/components/forms/field";
import { signInWithPasswordAction } from "@/lib/actions/staff-auth";

export function PasswordForm() {
  const [state, action, isPending] = useActionState(signInWithPasswordAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} className="space-y-4" aria-labelledby="password-heading">
      <h2 id="password-heading" className="font-serif text-xl font-semibold">
        With your password
      </h2>
      <div aria-live="polite" data-testid="password-status">
        {state && !state.ok && state.formError ? <p className="rounded-md border-2 border-error p-3 font-semibold">{state.formError}</p> : null}
      </div>
      <Field id="password-email" label="Email address" error={errors.email?.[0]}>
        {(describedBy, invalid) => (
          <input id="password-email" name="email" type="email" autoComplete="username" className={INPUT_CLASS} aria-describedby={describedBy} aria-invalid={invalid} />
        )}
      </Field>
      <Field id="password" label="Password" error={errors.password?.[0]}>
        {(describedBy, invalid) => (
          <input id="password" name="password" type="password" autoComplete="current-password" className={INPUT_CLASS} aria-describedby={describedBy} aria-invalid={invalid} />
        )}
      </Field>
      <button type="submit" className="button-primary" disabled={isPending}>
        {isPending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}

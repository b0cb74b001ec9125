"use client";

import { useActionState } from "react";
import { Field, INPUT_CLASS } from "@/components/forms/field";
import { setOwnPasswordAction } from "@/lib/actions/staff";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";

export function PasswordSetting() {
  const [state, action, isPending] = useActionState(setOwnPasswordAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} className="space-y-3" aria-labelledby="password-setting-heading">
      <h2 id="password-setting-heading" className="font-serif text-xl font-semibold">
        Password
      </h2>
      <div aria-live="polite" data-testid="password-setting-status">
        {state?.ok ? <p className="font-semibold">Saved. You can now sign in with it.</p> : null}
        {state && !state.ok && state.formError ? <p className="font-semibold text-error">{state.formError}</p> : null}
      </div>
      <Field id="new-password" label="New password" hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words work well.`} error={errors.password?.[0]}>
        {(describedBy, invalid) => (
          <input id="new-password" name="password" type="password" autoComplete="new-password" className={INPUT_CLASS} aria-describedby={describedBy} aria-invalid={invalid} />
        )}
      </Field>
      <button type="submit" className="button-primary" disabled={isPending}>
        {isPending ? "Saving…" : "Save password"}
      </button>
    </form>
  );
}

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Field, INPUT_CLASS } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { setOwnPasswordAction } from "@/lib/actions/staff";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";
import { newPasswordSchema } from "@/lib/validation/staff";

export function PasswordSetting() {
  const { formRef, formAction, onSubmit, result, isPending, error, formError, form } = useActionForm({
    resolver: zodResolver(newPasswordSchema),
    action: setOwnPasswordAction,
  });
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="space-y-3"
      aria-labelledby="password-setting-heading"
    >
      <h2 id="password-setting-heading" className="font-serif text-xl font-semibold">
        Password
      </h2>
      <div aria-live="polite" data-testid="password-setting-status">
        {result?.ok ? <p className="font-semibold">Saved. You can now sign in with it.</p> : null}
        {formError ? <p className="font-semibold text-error">{formError}</p> : null}
      </div>
      <Field
        id="new-password"
        label="New password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words work well.`}
        error={error("password")}
      >
        {(describedBy, invalid) => (
          <input
            id="new-password"
            type="password"
            autoComplete="new-password"
            className={INPUT_CLASS}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            {...form.register("password")}
          />
        )}
      </Field>
      <button type="submit" className="button-primary" disabled={isPending}>
        {isPending ? "Saving…" : "Save password"}
      </button>
    </form>
  );
}

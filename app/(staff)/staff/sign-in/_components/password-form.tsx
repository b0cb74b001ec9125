"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Field, INPUT_CLASS } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { signInWithPasswordAction } from "@/lib/actions/staff-auth";
import { passwordSignInSchema } from "@/lib/validation/staff";

export function PasswordForm() {
  const { formRef, formAction, onSubmit, isPending, error, formError, field, form } = useActionForm({
    resolver: zodResolver(passwordSignInSchema),
    action: signInWithPasswordAction,
  });
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="space-y-4"
      aria-labelledby="password-heading"
    >
      <h2 id="password-heading" className="font-serif text-xl font-semibold">
        With your password
      </h2>
      <div aria-live="polite" data-testid="password-status">
        {formError ? <p className="rounded-md border-2 border-error p-3 font-semibold">{formError}</p> : null}
      </div>
      <Field id="password-email" label="Email address" error={error("email")}>
        {(describedBy, invalid) => (
          <input
            id="password-email"
            type="email"
            autoComplete="username"
            className={INPUT_CLASS}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            {...field("email")}
          />
        )}
      </Field>
      <Field id="password" label="Password" error={error("password")}>
        {(describedBy, invalid) => (
          <input
            id="password"
            type="password"
            autoComplete="current-password"
            className={INPUT_CLASS}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            {...form.register("password")}
          />
        )}
      </Field>
      <button type="submit" className="button-primary" disabled={isPending}>
        {isPending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}

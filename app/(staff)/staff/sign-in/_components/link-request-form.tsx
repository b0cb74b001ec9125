"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Field, INPUT_CLASS } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { requestSignInLinkAction } from "@/lib/actions/staff-auth";
import { linkRequestSchema } from "@/lib/validation/staff";

export function LinkRequestForm() {
  const { formRef, formAction, onSubmit, result, isPending, error, formError, field } = useActionForm({
    resolver: zodResolver(linkRequestSchema),
    action: requestSignInLinkAction,
  });
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="space-y-4"
      aria-labelledby="link-heading"
    >
      <h2 id="link-heading" className="font-serif text-xl font-semibold">
        With a link by email
      </h2>
      <div aria-live="polite" data-testid="link-status">
        {result?.ok ? (
          <p className="rounded-md border-2 border-live p-3 font-semibold">
            If this address belongs to a member of staff, a sign-in link is on its way. It works once, for 30
            minutes.
          </p>
        ) : null}
        {formError ? <p className="rounded-md border-2 border-error p-3 font-semibold">{formError}</p> : null}
      </div>
      <Field id="link-email" label="Email address for a link" error={error("email")}>
        {(describedBy, invalid) => (
          <input
            id="link-email"
            type="email"
            autoComplete="email"
            className={INPUT_CLASS}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            {...field("email")}
          />
        )}
      </Field>
      <button type="submit" className="button-secondary" disabled={isPending}>
        {isPending ? "Sending…" : "Email me a sign-in link"}
      </button>
    </form>
  );
}

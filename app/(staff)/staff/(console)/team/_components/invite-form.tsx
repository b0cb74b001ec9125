"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Field, INPUT_CLASS } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { inviteStaffAction } from "@/lib/actions/staff";
import { inviteSchema } from "@/lib/validation/staff";

export function InviteForm() {
  const { formRef, formAction, onSubmit, result, isPending, error, formError, field } = useActionForm({
    resolver: zodResolver(inviteSchema),
    action: inviteStaffAction,
  });
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="max-w-xl space-y-4 rounded-xl border border-line p-4"
      aria-labelledby="invite-heading"
    >
      <h2 id="invite-heading" className="font-serif text-xl font-semibold">
        Add a member
      </h2>
      <div aria-live="polite" data-testid="invite-status">
        {result?.ok ? (
          <p className="font-semibold">Added. They have been emailed a link to sign in, valid for 7 days.</p>
        ) : null}
        {formError ? <p className="font-semibold text-error">{formError}</p> : null}
      </div>
      <Field id="invite-email" label="Their email address" error={error("email")}>
        {(describedBy, invalid) => (
          <input
            id="invite-email"
            type="email"
            className={INPUT_CLASS}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            {...field("email")}
          />
        )}
      </Field>
      <Field id="invite-role" label="Role" error={error("role")}>
        {(describedBy, invalid) => (
          <select
            id="invite-role"
            className={INPUT_CLASS}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            {...field("role")}
            defaultValue="viewer"
          >
            <option value="viewer">Viewer: dashboards</option>
            <option value="editor">Editor: also content and moderation</option>
            <option value="admin">Admin: also exports and the team</option>
          </select>
        )}
      </Field>
      <button type="submit" className="button-primary" disabled={isPending}>
        {isPending ? "Adding…" : "Add and email a sign-in link"}
      </button>
    </form>
  );
}

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Field, INPUT_CLASS } from "@/components/forms/field";
import { SelectField } from "@/components/forms/select-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { inviteStaffAction } from "@/lib/actions/staff";
import { inviteSchema } from "@/lib/validation/staff";

const ROLE_OPTIONS = [
  { value: "viewer", label: "Viewer: dashboards" },
  { value: "editor", label: "Editor: also content and moderation" },
  { value: "admin", label: "Admin: also exports and the team" },
];

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
      <SelectField
        id="invite-role"
        label="Role"
        error={error("role")}
        options={ROLE_OPTIONS}
        {...field("role")}
        defaultValue="viewer"
      />
      <button type="submit" className="button-primary" disabled={isPending}>
        {isPending ? "Adding…" : "Add and email a sign-in link"}
      </button>
    </form>
  );
}

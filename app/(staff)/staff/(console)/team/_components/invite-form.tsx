"use client";

import { useActionState } from "react";
import { Field, INPUT_CLASS } from "@/components/forms/field";
import { inviteStaffAction } from "@/lib/actions/staff";

export function InviteForm() {
  const [state, action, isPending] = useActionState(inviteStaffAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} className="max-w-xl space-y-4 rounded-xl border border-line p-4" aria-labelledby="invite-heading">
      <h2 id="invite-heading" className="font-serif text-xl font-semibold">
        Add a member
      </h2>
      <div aria-live="polite" data-testid="invite-status">
        {state?.ok ? <p className="font-semibold">Added. They have been emailed a link to sign in, valid for 7 days.</p> : null}
        {state && !state.ok && state.formError ? <p className="font-semibold text-error">{state.formError}</p> : null}
      </div>
      <Field id="invite-email" label="Their email address" error={errors.email?.[0]}>
        {(describedBy, invalid) => <input id="invite-email" name="email" type="email" className={INPUT_CLASS} aria-describedby={describedBy} aria-invalid={invalid} />}
      </Field>
      <Field id="invite-role" label="Role" error={errors.role?.[0]}>
        {(describedBy, invalid) => (
          <select id="invite-role" name="role" defaultValue="viewer" className={INPUT_CLASS} aria-describedby={describedBy} aria-invalid={invalid}>
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

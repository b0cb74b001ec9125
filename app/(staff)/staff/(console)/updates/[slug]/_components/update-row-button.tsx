"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import type { ActionResult } from "@/lib/action-result";
import { deletePetitionUpdateAction, emailPetitionUpdateAction } from "@/lib/actions/staff-updates";

const ACTIONS = {
  email: { action: emailPetitionUpdateAction, busy: "Emailing…", done: "Emailed." },
  delete: { action: deletePetitionUpdateAction, busy: "Deleting…", done: "Deleted." },
} satisfies Record<
  string,
  {
    action: (previous: ActionResult<never> | null, formData: FormData) => Promise<ActionResult<unknown>>;
    busy: string;
    done: string;
  }
>;

/** One button acting on one update (email it, delete it), with what became of it said beside it. */
export function UpdateRowButton({
  kind,
  id,
  label,
  accessibleName,
}: {
  kind: keyof typeof ACTIONS;
  id: string;
  label: string;
  accessibleName: string;
}) {
  const { action, busy, done } = ACTIONS[kind];
  const { formRef, formAction, onSubmit, isPending, formError, result } = useActionForm<
    Record<string, never>,
    unknown
  >({
    action: action as (
      previous: ActionResult<unknown> | null,
      data: FormData,
    ) => Promise<ActionResult<unknown>>,
  });
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      className="inline-flex flex-wrap items-center gap-2"
    >
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="button-secondary" disabled={isPending} aria-label={accessibleName}>
        {isPending ? busy : label}
      </button>
      <span aria-live="polite" className="text-sm">
        {formError ? <span className="font-semibold text-error">{formError}</span> : result?.ok ? done : ""}
      </span>
    </form>
  );
}

"use client";

import type { FormAction } from "@/lib/action-result";
import { useActionForm } from "./use-action-form";

/**
 * One button acting on one row of a console list (the row's id goes with it), with what became
 * of it said beside it.
 */
export function RowActionButton<T>({
  action,
  id,
  label,
  accessibleName,
  busy,
  done,
}: {
  action: FormAction<T>;
  id: string;
  label: string;
  /** Names the row as well as the act, for a screen reader going through the buttons. */
  accessibleName: string;
  busy: string;
  done: string;
}) {
  const { formRef, formAction, onSubmit, isPending, formError, result } = useActionForm<
    Record<string, never>,
    T
  >({ action });
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

"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { decideCommentAction } from "@/lib/actions/staff-comments";

/** Keep (or approve) or remove one comment; says what was done, politely. */
export function CommentDecisionForm({ commentId, isReported }: { commentId: string; isReported: boolean }) {
  const { formRef, formAction, onSubmit, isPending, result, formError } = useActionForm({
    action: decideCommentAction,
  });
  const decided = result?.ok ? result.data.decision : null;
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="space-y-2">
      <input type="hidden" name="commentId" value={commentId} />
      <div aria-live="polite" className="empty:hidden">
        {decided ? (
          <p className="font-semibold">
            {decided === "keep"
              ? "Kept: it is shown on the petition page, and reports no longer hide it."
              : "Removed: it is no longer shown anywhere."}
          </p>
        ) : null}
        {formError ? <p className="font-semibold text-error">{formError}</p> : null}
      </div>
      {decided ? null : (
        <div className="flex flex-wrap gap-3">
          <button type="submit" name="decision" value="keep" className="button-primary" disabled={isPending}>
            {isReported ? "Keep and show again" : "Approve and show"}
          </button>
          <button
            type="submit"
            name="decision"
            value="remove"
            className="button-secondary"
            disabled={isPending}
          >
            Remove
          </button>
        </div>
      )}
    </form>
  );
}

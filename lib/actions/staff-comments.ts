"use server";

import { decideComment, type CommentDecision } from "@/db/queries/comments";
import type { ActionResult } from "@/lib/action-result";
import { attempt } from "@/lib/actions/staff-action";
import { requireStaffCaller } from "@/lib/auth/staff";
import { formInput } from "@/lib/signing/form-submission";
import { commentDecisionSchema } from "@/lib/validation/comments";

/** Editors keep (show again, or approve) or remove a comment waiting in the queue; audited. */
export async function decideCommentAction(
  _previous: ActionResult<{ decision: CommentDecision }> | null,
  formData: FormData,
): Promise<ActionResult<{ decision: CommentDecision }>> {
  return attempt("decide on this comment", async () => {
    const caller = await requireStaffCaller("editor");
    const parsed = commentDecisionSchema.safeParse(formInput(commentDecisionSchema, formData));
    if (!parsed.success)
      return { ok: false, formError: "That decision is not one this page offers. Nothing changed." };
    const decided = await decideComment(caller, parsed.data.commentId, parsed.data.decision);
    if (!decided)
      return {
        ok: false,
        formError: "This comment is no longer waiting (someone decided on it meanwhile). Nothing changed.",
      };
    // No revalidatePath: it would re-render this queue at once, taking the comment and the word of
    // what was done off the editor's screen. The public page re-renders within 5 s by itself
    // (its `revalidate`), and its live list and the JSON follow at once (decideComment notifies).
    return { ok: true, data: { decision: parsed.data.decision } };
  });
}

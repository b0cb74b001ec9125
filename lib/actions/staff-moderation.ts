"use server";

import { revalidatePath } from "next/cache";
import { changeSupporterState, eraseSupporter, rejectByRule } from "@/db/queries/moderation-changes";
import type { SupportKind } from "@/db/queries/supporters";
import type { SupportState } from "@/lib/domain/enums";
import type { ActionResult } from "@/lib/action-result";
import { requireStaffCaller } from "@/lib/auth/staff";
import { formInput } from "@/lib/signing/form-submission";
import { bulkRuleOf } from "@/lib/moderation/filters";
import { revalidatePublicPage } from "@/lib/content/public-pages";
import { attempt, refusedPreview } from "@/lib/actions/staff-action";
import { fieldErrorsOf } from "@/lib/signing/supporting";
import { bulkRejectSchema, erasureSchema, supporterChangeSchema } from "@/lib/validation/moderation";
import { normaliseText } from "@/lib/validation/text";
import { formatNumber, STAFF_LOCALE } from "@/lib/domain/format";

const NOT_FOUND = "There is no such signature or pledge. It may have been deleted as never confirmed.";

/** The staff pages, and the public page whose total and recent signers may have changed. */
function revalidateAfterChange(kind: SupportKind, slug: string) {
  revalidatePath("/staff/signatures", "layout");
  revalidatePublicPage(kind === "petition" ? `/petition/${slug}` : `/pledge/${slug}`);
}

/**
 * Editors reject a pending, held or verified supporter, or restore a rejected one to the state it had,
 * always with a reason; the totals follow.
 */
export async function moderateSupporterAction(
  _previous: ActionResult<{ state: SupportState }> | null,
  formData: FormData,
): Promise<ActionResult<{ state: SupportState }>> {
  return attempt("change it", async () => {
    const caller = await requireStaffCaller("editor");
    const parsed = supporterChangeSchema.safeParse(formInput(supporterChangeSchema, formData));
    if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
    const { kind, id, change, reason } = parsed.data;
    const outcome = await changeSupporterState(caller, kind, id, change, normaliseText(reason));
    if (outcome.result === "not-found") return { ok: false, formError: NOT_FOUND };
    if (outcome.result === "not-allowed") {
      if (outcome.wasTurnedAway) {
        return {
          ok: false,
          formError:
            "This one was turned away at signing (too many from one IP address) and never got a confirmation link, so restoring it could not make it count. The person can sign again.",
        };
      }
      return {
        ok: false,
        formError: `Nothing changed: it is ${outcome.state} now, perhaps changed by someone else a moment ago.`,
      };
    }
    revalidateAfterChange(kind, outcome.slug);
    return { ok: true, data: { state: outcome.to } };
  });
}

/** Editors erase a person's data on their request: for good; the anonymous count stays. */
export async function eraseSupporterAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return attempt("erase it", async () => {
    const caller = await requireStaffCaller("editor");
    const parsed = erasureSchema.safeParse(formInput(erasureSchema, formData));
    if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
    const { kind, id, reason } = parsed.data;
    const erased = await eraseSupporter(caller, kind, id, normaliseText(reason));
    if (!erased)
      return {
        ok: false,
        formError: "Nothing to erase: there is no such person here, or their data was erased already.",
      };
    revalidateAfterChange(kind, erased.slug);
    return { ok: true, data: undefined };
  });
}

/** Editors reject every row a previewed rule selects, if it still selects the number the preview showed. */
export async function bulkRejectAction(
  _previous: ActionResult<{ rejected: number }> | null,
  formData: FormData,
): Promise<ActionResult<{ rejected: number }>> {
  return attempt("reject them", async () => {
    const caller = await requireStaffCaller("editor");
    const parsed = bulkRejectSchema.safeParse(formInput(bulkRejectSchema, formData));
    if (!parsed.success)
      return refusedPreview(
        parsed.error,
        "The rule is not as previewed. Nothing was rejected; preview it again.",
      );
    const rule = bulkRuleOf(parsed.data.rule);
    const expected = Number(parsed.data.expectedCount);
    if (expected === 0)
      return { ok: false, formError: "The rule selects no rows, so there is nothing to reject." };
    const outcome = await rejectByRule(caller, rule, expected, normaliseText(parsed.data.reason));
    if (outcome.result === "not-found")
      return { ok: false, formError: "That petition or pledge no longer exists. Nothing was rejected." };
    if (outcome.result === "changed") {
      // The preview on the page shows the new number; pressing again is a new, deliberate choice.
      revalidatePath("/staff/signatures/bulk");
      return {
        ok: false,
        formError: `Nothing was rejected: the rule now selects ${formatNumber(outcome.count, STAFF_LOCALE)}, not the ${formatNumber(expected, STAFF_LOCALE)} previewed. The preview has been updated; check it before rejecting.`,
      };
    }
    revalidateAfterChange(rule.kind, rule.slug);
    return { ok: true, data: { rejected: outcome.rejected } };
  });
}

"use server";

import { revalidatePath } from "next/cache";
import { decideHeldGroup } from "@/db/queries/holds";
import type { ActionResult } from "@/lib/action-result";
import { requireStaffCaller } from "@/lib/auth/staff";
import { formInput } from "@/lib/signing/form-submission";
import { attempt, refusedPreview } from "@/lib/actions/staff-action";
import { heldGroupOf } from "@/lib/moderation/filters";
import { revalidatePublicPage } from "@/lib/content/public-pages";
import { holdDecisionSchema } from "@/lib/validation/holds";
import { normaliseText } from "@/lib/validation/text";
import { formatNumber, STAFF_LOCALE } from "@/lib/domain/format";

/** Editors release (into the totals) or reject every held row of a group, if it still holds the number previewed. */
export async function decideHeldGroupAction(
  _previous: ActionResult<{ changed: number; counted: number }> | null,
  formData: FormData,
): Promise<ActionResult<{ changed: number; counted: number }>> {
  return attempt("do it", async () => {
    const caller = await requireStaffCaller("editor");
    const parsed = holdDecisionSchema.safeParse(formInput(holdDecisionSchema, formData));
    if (!parsed.success)
      return refusedPreview(
        parsed.error,
        "The group is not as previewed. Nothing changed; open it again from the list.",
      );
    const group = heldGroupOf(parsed.data.group);
    const expected = Number(parsed.data.expectedCount);
    if (expected === 0)
      return { ok: false, formError: "This group holds nothing now, so there is nothing to do." };
    const outcome = await decideHeldGroup(
      caller,
      group,
      parsed.data.decision,
      expected,
      normaliseText(parsed.data.reason),
    );
    if (outcome.result === "not-found")
      return { ok: false, formError: "That petition or pledge no longer exists. Nothing changed." };
    if (outcome.result === "changed") {
      revalidatePath("/staff/signatures/held");
      return {
        ok: false,
        formError: `Nothing changed: the group now holds ${formatNumber(outcome.count, STAFF_LOCALE)}, not the ${formatNumber(expected, STAFF_LOCALE)} previewed. The preview has been updated; check it first.`,
      };
    }
    revalidatePath("/staff/signatures", "layout");
    revalidatePublicPage(group.kind === "petition" ? `/petition/${group.slug}` : `/pledge/${group.slug}`);
    return { ok: true, data: { changed: outcome.changed, counted: outcome.counted } };
  });
}

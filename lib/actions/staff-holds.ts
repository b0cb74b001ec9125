"use server";

import { revalidatePath } from "next/cache";
import { decideHeldGroup } from "@/db/queries/holds";
import type { ActionResult } from "@/lib/action-result";
import { requireStaffCaller } from "@/lib/auth/staff";
import { formText } from "@/lib/signing/form-submission";
import { attempt } from "@/lib/actions/staff-action";
import { fieldErrorsOf } from "@/lib/signing/supporting";
import { heldGroupOf } from "@/lib/moderation/filters";
import { revalidatePublicPage } from "@/lib/content/public-pages";
import { holdDecisionSchema } from "@/lib/validation/holds";
import { normaliseText } from "@/lib/validation/text";

const format = new Intl.NumberFormat("en-US");

/** Editors release (into the totals) or reject every held row of a group, if it still holds the number previewed. */
export async function decideHeldGroupAction(
  _previous: ActionResult<{ changed: number; counted: number }> | null,
  formData: FormData,
): Promise<ActionResult<{ changed: number; counted: number }>> {
  return attempt("do it", async () => {
    const caller = await requireStaffCaller("editor");
    const parsed = holdDecisionSchema.safeParse({
      group: { target: formText(formData, "target"), by: formText(formData, "by"), value: formText(formData, "value") },
      decision: formText(formData, "decision"),
      expectedCount: formText(formData, "expectedCount"),
      reason: formText(formData, "reason"),
    });
    if (!parsed.success) {
      const { reason } = fieldErrorsOf(parsed.error);
      if (reason && parsed.error.issues.every((issue) => issue.path[0] === "reason")) return { ok: false, fieldErrors: { reason } };
      return { ok: false, formError: "The group is not as previewed. Nothing changed; open it again from the list." };
    }
    const group = heldGroupOf(parsed.data.group);
    const expected = Number(parsed.data.expectedCount);
    if (expected === 0) return { ok: false, formError: "This group holds nothing now, so there is nothing to do." };
    const outcome = await decideHeldGroup(caller, group, parsed.data.decision, expected, normaliseText(parsed.data.reason));
    if (outcome.result === "not-found") return { ok: false, formError: "That petition or pledge no longer exists. Nothing changed." };
    if (outcome.result === "changed") {
      revalidatePath("/staff/signatures/held");
      return {
        ok: false,
        formError: `Nothing changed: the group now holds ${format.format(outcome.count)}, not the ${format.format(expected)} previewed. The preview has been updated; check it first.`,
      };
    }
    revalidatePath("/staff/signatures", "layout");
    revalidatePublicPage(group.kind === "petition" ? `/petition/${group.slug}` : `/pledge/${group.slug}`);
    return { ok: true, data: { changed: outcome.changed, counted: outcome.counted } };
  });
}

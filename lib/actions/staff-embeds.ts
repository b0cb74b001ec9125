"use server";

import { revalidatePath } from "next/cache";
import { updateEmbedOrigins } from "@/db/queries/embeds";
import type { ActionResult } from "@/lib/action-result";
import { attempt } from "@/lib/actions/staff-action";
import { requireStaffCaller } from "@/lib/auth/staff";
import { normaliseOrigin } from "@/lib/domain/referrer";
import { forgetEmbedFrameAncestors } from "@/lib/http/embed-frame-ancestors";
import { formInput } from "@/lib/signing/form-submission";
import { fieldErrorsOf } from "@/lib/signing/supporting";
import { embedOriginsSchema, splitOrigins } from "@/lib/validation/embeds";

/** Saves the sites allowed to frame a campaign's embeds (editors and admins; audited). */
export async function saveEmbedOriginsAction(
  _previous: ActionResult<{ origins: string[] }> | null,
  formData: FormData,
): Promise<ActionResult<{ origins: string[] }>> {
  return attempt("save the allowed sites", async () => {
    const caller = await requireStaffCaller("editor");
    const input = formInput(embedOriginsSchema, formData);
    const parsed = embedOriginsSchema.safeParse(input);
    if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), values: input };
    const origins = [...new Set(splitOrigins(parsed.data.origins).map((line) => normaliseOrigin(line)!))];
    if (!(await updateEmbedOrigins(caller, parsed.data.campaignId, origins)))
      return { ok: false, formError: "That campaign no longer exists. Reload the page." };
    forgetEmbedFrameAncestors();
    revalidatePath("/staff/embeds");
    return { ok: true, data: { origins } };
  });
}

"use server";

import { revalidatePath } from "next/cache";
import { publishIntegrityRootNow } from "@/db/queries/integrity";
import type { ActionResult } from "@/lib/action-result";
import { attempt } from "@/lib/actions/staff-action";
import { requireStaffCaller } from "@/lib/auth/staff";
import { formInput } from "@/lib/signing/form-submission";
import { fieldErrorsOf } from "@/lib/signing/supporting";
import { publishRootSchema } from "@/lib/validation/integrity";

/** Publishes a petition's integrity root now (docs/INTEGRITY.md), with its audit line; says the root and count. */
export async function publishIntegrityRootAction(
  _previous: ActionResult<{ root: string; count: number }> | null,
  formData: FormData,
): Promise<ActionResult<{ root: string; count: number }>> {
  return attempt("publish the root", async () => {
    const caller = await requireStaffCaller("editor");
    const input = formInput(publishRootSchema, formData);
    const parsed = publishRootSchema.safeParse(input);
    if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), values: input };
    const root = await publishIntegrityRootNow(caller, parsed.data.petitionId);
    if (!root) return { ok: false, fieldErrors: { petitionId: ["Choose a petition"] }, values: input };
    revalidatePath("/staff/delivery");
    return { ok: true, data: { root: root.rootHash, count: root.leafCount } };
  });
}

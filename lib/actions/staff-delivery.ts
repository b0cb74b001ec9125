"use server";

import { revalidatePath } from "next/cache";
import { insertDeliveryPack } from "@/db/queries/delivery-packs";
import type { ActionResult } from "@/lib/action-result";
import { attempt } from "@/lib/actions/staff-action";
import { requireStaffCaller } from "@/lib/auth/staff";
import { kickDeliveryPacks } from "@/lib/jobs/delivery-packs";
import { formInput } from "@/lib/signing/form-submission";
import { fieldErrorsOf } from "@/lib/signing/supporting";
import { asOfDate, deliveryPackSchema } from "@/lib/validation/delivery";

/** Asks for a delivery pack; the job makes it in the background and the page shows its progress. */
export async function requestDeliveryPackAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return attempt("ask for the pack", async () => {
    const caller = await requireStaffCaller("editor");
    const input = formInput(deliveryPackSchema, formData);
    const parsed = deliveryPackSchema.safeParse(input);
    if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), values: input };
    const packId = await insertDeliveryPack(caller, {
      petitionId: parsed.data.petitionId,
      split: parsed.data.split,
      includesComments: parsed.data.includesComments ?? false,
      asOf: asOfDate(parsed.data.asOf) ?? new Date(),
    });
    if (!packId) return { ok: false, fieldErrors: { petitionId: ["Choose a petition"] }, values: input };
    kickDeliveryPacks();
    revalidatePath("/staff/delivery");
    return { ok: true, data: undefined };
  });
}

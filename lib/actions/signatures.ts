"use server";

import { headers } from "next/headers";
import type { ActionResult } from "@/lib/action-result";
import { formInput, formText, supportContextOf } from "@/lib/signing/form-submission";
import { logError } from "@/lib/log";
import { signPetition } from "@/lib/signing/signing";
import type { Supported } from "@/lib/signing/supporting";
import { signatureSchema } from "@/lib/validation/signature";

/** The petition form, sent with or without JavaScript; what was typed comes back with any refusal. */
export async function signPetitionAction(
  _previous: ActionResult<Supported> | null,
  formData: FormData,
): Promise<ActionResult<Supported>> {
  const values = formInput(signatureSchema, formData);
  try {
    const result = await signPetition(
      formText(formData, "slug"),
      values,
      supportContextOf(formData, await headers()),
    );
    return result.ok ? result : { ...result, values };
  } catch (error) {
    logError("signing from the form", error);
    return {
      ok: false,
      formError: "We could not save your signature just now. Nothing was lost: please try again in a minute.",
      values,
    };
  }
}

"use server";

import { headers } from "next/headers";
import type { ActionResult } from "@/lib/action-result";
import { formInput, formText, supportContextOf } from "@/lib/signing/form-submission";
import { logError } from "@/lib/log";
import { takePledge } from "@/lib/signing/pledging";
import type { Supported } from "@/lib/signing/supporting";
import { pledgeSchema } from "@/lib/validation/pledge";

/** The pledge form, sent with or without JavaScript: every step's fields arrive together. */
export async function takePledgeAction(
  _previous: ActionResult<Supported> | null,
  formData: FormData,
): Promise<ActionResult<Supported>> {
  const values = formInput(pledgeSchema, formData);
  try {
    const result = await takePledge(
      formText(formData, "slug"),
      values,
      supportContextOf(formData, await headers()),
    );
    return result.ok ? result : { ...result, values };
  } catch (error) {
    logError("pledging from the form", error);
    return {
      ok: false,
      formError: "We could not save your pledge just now. Nothing was lost: please try again in a minute.",
      values,
    };
  }
}

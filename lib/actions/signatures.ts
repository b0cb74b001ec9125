"use server";

import { headers } from "next/headers";
import type { ActionResult } from "@/lib/action-result";
import { formInput, formText, supportContextOf } from "@/lib/signing/form-submission";
import { formLanguageOf } from "@/lib/domain/preferred-language";
import { inWords } from "@/lib/i18n/validation-messages";
import { logError } from "@/lib/log";
import { signPetition } from "@/lib/signing/signing";
import type { Supported } from "@/lib/signing/supporting";
import { signatureSchema } from "@/lib/validation/signature";

/**
 * The petition form, sent with or without JavaScript; what was typed comes back with any refusal,
 * whose messages are in the page's language (the form's `locale`).
 */
export async function signPetitionAction(
  _previous: ActionResult<Supported> | null,
  formData: FormData,
): Promise<ActionResult<Supported>> {
  const locale = formLanguageOf(formText(formData, "locale"));
  const values = formInput(signatureSchema, formData);
  try {
    const result = await signPetition(
      formText(formData, "slug"),
      values,
      supportContextOf(formData, await headers()),
    );
    return result.ok ? result : inWords({ ...result, values }, locale);
  } catch (error) {
    logError("signing from the form", error);
    return inWords({ ok: false, formError: "form.signatureNotSaved", values }, locale);
  }
}

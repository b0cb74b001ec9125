"use server";

import { headers } from "next/headers";
import type { ActionResult } from "@/lib/action-result";
import { formInput, formText, supportContextOf } from "@/lib/signing/form-submission";
import { formLanguageOf } from "@/lib/domain/preferred-language";
import { inWords } from "@/lib/i18n/validation-messages";
import { logError } from "@/lib/log";
import { takePledge } from "@/lib/signing/pledging";
import type { Supported } from "@/lib/signing/supporting";
import { pledgeSchema } from "@/lib/validation/pledge";

/**
 * The pledge form, sent with or without JavaScript: every step's fields arrive together. Refusals
 * are in the page's language (the form's `locale`).
 */
export async function takePledgeAction(
  _previous: ActionResult<Supported> | null,
  formData: FormData,
): Promise<ActionResult<Supported>> {
  const locale = formLanguageOf(formText(formData, "locale"));
  const values = formInput(pledgeSchema, formData);
  try {
    const result = await takePledge(
      formText(formData, "slug"),
      values,
      supportContextOf(formData, await headers()),
    );
    return result.ok ? result : inWords({ ...result, values }, locale);
  } catch (error) {
    logError("pledging from the form", error);
    return inWords({ ok: false, formError: "form.pledgeNotSaved", values }, locale);
  }
}

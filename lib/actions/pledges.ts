"use server";

import { headers } from "next/headers";
import { SUPPORTER_CHECKBOXES, SUPPORTER_TEXT_FIELDS, formText, supportContextOf, type SupportFormState } from "@/lib/signing/form-submission";
import { takePledge } from "@/lib/signing/pledging";
import { logError } from "@/lib/log";

/** The pledge form, sent with or without JavaScript: every step's fields arrive together. */
export async function takePledgeAction(_previous: SupportFormState, formData: FormData): Promise<SupportFormState> {
  const values = Object.fromEntries(SUPPORTER_TEXT_FIELDS.map((name) => [name, formText(formData, name)]));
  const commitments = formData.getAll("commitments").filter((value): value is string => typeof value === "string");
  const raw = {
    ...values,
    commitments,
    ...Object.fromEntries(SUPPORTER_CHECKBOXES.map((name) => [name, formData.get(name) === "on"])),
  };
  const typed = { ...values, commitments: commitments.join(",") };
  try {
    const result = await takePledge(formText(formData, "slug"), raw, supportContextOf(formData, await headers()));
    return { result, values: result.ok ? {} : typed };
  } catch (error) {
    logError("pledging from the form", error);
    return {
      result: { ok: false, formError: "We could not save your pledge just now. Nothing was lost: please try again in a minute." },
      values: typed,
    };
  }
}

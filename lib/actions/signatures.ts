"use server";

import { headers } from "next/headers";
import { SUPPORTER_CHECKBOXES, SUPPORTER_TEXT_FIELDS, formText, supportContextOf, type SupportFormState } from "@/lib/signing/form-submission";
import { signPetition } from "@/lib/signing/signing";
import { logError } from "@/lib/log";

export async function signPetitionAction(_previous: SupportFormState, formData: FormData): Promise<SupportFormState> {
  const values = Object.fromEntries([...SUPPORTER_TEXT_FIELDS, "comment"].map((name) => [name, formText(formData, name)]));
  const raw = {
    ...values,
    ...Object.fromEntries(SUPPORTER_CHECKBOXES.map((name) => [name, formData.get(name) === "on"])),
  };
  try {
    const result = await signPetition(formText(formData, "slug"), raw, supportContextOf(formData, await headers()));
    return { result, values: result.ok ? {} : values };
  } catch (error) {
    logError("signing from the form", error);
    return {
      result: { ok: false, formError: "We could not save your signature just now. Nothing was lost: please try again in a minute." },
      values,
    };
  }
}

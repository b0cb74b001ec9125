"use server";

import { revalidatePath } from "next/cache";
import { revokeApiKey } from "@/db/queries/api-keys";
import type { ActionResult } from "@/lib/action-result";
import { attempt } from "@/lib/actions/staff-action";
import { createApiKey } from "@/lib/api-keys/manage";
import { requireStaffCaller } from "@/lib/auth/staff";
import { formInput } from "@/lib/signing/form-submission";
import { fieldErrorsOf } from "@/lib/signing/supporting";
import { apiKeySchema, revokeApiKeySchema } from "@/lib/validation/api-keys";

/** What the console shows once after making a key: the key itself, never again. */
export interface MadeApiKey {
  name: string;
  prefix: string;
  key: string;
}

export async function createApiKeyAction(
  _previous: ActionResult<MadeApiKey> | null,
  formData: FormData,
): Promise<ActionResult<MadeApiKey>> {
  return attempt("make the key", async () => {
    const caller = await requireStaffCaller("admin");
    const input = formInput(apiKeySchema, formData);
    const parsed = apiKeySchema.safeParse(input);
    if (!parsed.success)
      return {
        ok: false,
        fieldErrors: fieldErrorsOf(parsed.error),
        values: { name: input.name, consentNotice: input.consentNotice },
      };
    const made = await createApiKey(caller, parsed.data);
    revalidatePath("/staff/api-keys");
    return { ok: true, data: { name: parsed.data.name.trim(), prefix: made.prefix, key: made.key } };
  });
}

export async function revokeApiKeyAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return attempt("revoke the key", async () => {
    const caller = await requireStaffCaller("admin");
    const parsed = revokeApiKeySchema.safeParse(formInput(revokeApiKeySchema, formData));
    if (!parsed.success) return { ok: false, formError: "There is no such key." };
    if (!(await revokeApiKey(caller, parsed.data.id)))
      return { ok: false, formError: "This key was already revoked, or no longer exists." };
    revalidatePath("/staff/api-keys");
    return { ok: true, data: undefined };
  });
}

"use server";

import { revalidatePath } from "next/cache";
import {
  deletePetitionUpdate,
  insertPetitionUpdate,
  queuePetitionUpdateEmails,
  updatePetitionUpdate,
  type EmailUpdateResult,
  type PetitionUpdateValues,
} from "@/db/queries/petition-updates";
import type { ActionResult } from "@/lib/action-result";
import { attempt } from "@/lib/actions/staff-action";
import { requireStaffCaller } from "@/lib/auth/staff";
import type { StaffCaller } from "@/lib/domain/roles";
import { PETITION_UPDATE_FIELDS } from "@/lib/domain/petition-updates";
import { translationsFrom } from "@/lib/domain/translations";
import { siteUrl } from "@/lib/http/site-url";
import { kickOutbox } from "@/lib/jobs/outbox-worker";
import { petitionUpdateMail } from "@/lib/mail/petition-update-mail";
import { formInput } from "@/lib/signing/form-submission";
import { fieldErrorsOf } from "@/lib/signing/supporting";
import {
  petitionUpdateIdSchema,
  petitionUpdateEditSchema,
  petitionUpdateSchema,
  type PetitionUpdateEditInput,
} from "@/lib/validation/petition-updates";

const PAGE = "/staff/updates";

/** The form's fields as the row stores them: trimmed, the hearing's day only for a hearing. */
function valuesOf(input: Omit<PetitionUpdateEditInput, "id">): PetitionUpdateValues {
  return {
    kind: input.kind,
    happenedOn: input.happenedOn,
    hearingOn: input.kind === "hearing-scheduled" ? (input.hearingOn?.trim() ?? null) : null,
    title: input.title.trim(),
    body: input.body.trim(),
    translations: translationsFrom(PETITION_UPDATE_FIELDS, {
      title_es: input.title_es?.trim(),
      body_es: input.body_es?.trim(),
    }),
  };
}

/** Queues the update's email to the signers who asked for updates, once, and wakes the sender. */
async function emailSigners(caller: StaffCaller, updateId: string): Promise<EmailUpdateResult> {
  const site = siteUrl();
  const result = await queuePetitionUpdateEmails(caller, updateId, (facts) =>
    petitionUpdateMail(facts, site),
  );
  if (result.outcome === "queued" && result.queued > 0) kickOutbox();
  return result;
}

/** Posts an update on a petition; with "email signers" ticked, queues its email too. */
export async function postPetitionUpdateAction(
  _previous: ActionResult<{ emailed: number | null }> | null,
  formData: FormData,
): Promise<ActionResult<{ emailed: number | null }>> {
  return attempt("post the update", async () => {
    const caller = await requireStaffCaller("editor");
    const input = formInput(petitionUpdateSchema, formData);
    const parsed = petitionUpdateSchema.safeParse(input);
    if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), values: input };
    const posted = await insertPetitionUpdate(caller, parsed.data.petitionId, valuesOf(parsed.data));
    if (!posted) return { ok: false, formError: "That petition no longer exists.", values: input };
    let emailed: number | null = null;
    if (parsed.data.emailSigners) {
      const sent = await emailSigners(caller, posted.id);
      if (sent.outcome === "queued") emailed = sent.queued;
    }
    revalidatePath(PAGE, "layout");
    return { ok: true, data: { emailed } };
  });
}

export async function editPetitionUpdateAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return attempt("save the update", async () => {
    const caller = await requireStaffCaller("editor");
    const input = formInput(petitionUpdateEditSchema, formData);
    const parsed = petitionUpdateEditSchema.safeParse(input);
    if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), values: input };
    const saved = await updatePetitionUpdate(caller, parsed.data.id, valuesOf(parsed.data));
    if (!saved) return { ok: false, formError: "That update no longer exists: someone deleted it." };
    revalidatePath(PAGE, "layout");
    return { ok: true, data: undefined };
  });
}

export async function deletePetitionUpdateAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return attempt("delete the update", async () => {
    const caller = await requireStaffCaller("editor");
    const parsed = petitionUpdateIdSchema.safeParse(formInput(petitionUpdateIdSchema, formData));
    if (!parsed.success) return { ok: false, formError: "Open the update again, then delete it." };
    await deletePetitionUpdate(caller, parsed.data.id);
    revalidatePath(PAGE, "layout");
    return { ok: true, data: undefined };
  });
}

/** Emails an update posted without email; an update already emailed is not sent again. */
export async function emailPetitionUpdateAction(
  _previous: ActionResult<{ emailed: number }> | null,
  formData: FormData,
): Promise<ActionResult<{ emailed: number }>> {
  return attempt("email the update", async () => {
    const caller = await requireStaffCaller("editor");
    const parsed = petitionUpdateIdSchema.safeParse(formInput(petitionUpdateIdSchema, formData));
    if (!parsed.success) return { ok: false, formError: "Open the update again, then email it." };
    const sent = await emailSigners(caller, parsed.data.id);
    if (sent.outcome === "already-emailed")
      return { ok: false, formError: "This update was already emailed: nobody gets it twice." };
    if (sent.outcome === "not-found") return { ok: false, formError: "That update no longer exists." };
    revalidatePath(PAGE, "layout");
    return { ok: true, data: { emailed: sent.queued } };
  });
}

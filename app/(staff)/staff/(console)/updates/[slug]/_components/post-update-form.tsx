"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useActionForm } from "@/components/forms/use-action-form";
import { postPetitionUpdateAction } from "@/lib/actions/staff-updates";
import { formatNumber, STAFF_LOCALE } from "@/lib/domain/format";
import { petitionUpdateSchema, type PetitionUpdateInput } from "@/lib/validation/petition-updates";
import { UpdateFields, type UpdateFieldsProps } from "./update-fields";

export interface PostUpdateFormProps {
  petitionId: string;
  /** Confirmed signers who asked for updates: whom "email signers" would reach now. */
  wantsUpdates: number;
  /** Today in UTC, "2026-11-30": the date field's starting value. */
  today: string;
}

export function PostUpdateForm({ petitionId, wantsUpdates, today }: PostUpdateFormProps) {
  const { formRef, formAction, onSubmit, result, isPending, error, formError, field, checkbox } =
    useActionForm<PetitionUpdateInput, { emailed: number | null }>({
      resolver: zodResolver(petitionUpdateSchema),
      action: postPetitionUpdateAction,
      defaultValues: {
        petitionId,
        kind: "delivered",
        happenedOn: today,
        hearingOn: "",
        title: "",
        body: "",
        title_es: "",
        body_es: "",
        emailSigners: false,
      },
    });
  const signers = formatNumber(wantsUpdates, STAFF_LOCALE);
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="max-w-xl space-y-4 rounded-xl border border-line p-4"
      aria-labelledby="post-update-heading"
    >
      <h2 id="post-update-heading" className="font-serif text-xl font-semibold">
        Post an update
      </h2>
      <div aria-live="polite" data-testid="post-update-status">
        {formError ? <p className="font-semibold text-error">{formError}</p> : null}
        {result?.ok ? (
          <p className="font-semibold">
            Posted.
            {result.data.emailed !== null
              ? ` Emailed to ${formatNumber(result.data.emailed, STAFF_LOCALE)} signer${result.data.emailed === 1 ? "" : "s"}.`
              : ""}
          </p>
        ) : null}
      </div>
      <input type="hidden" {...field("petitionId")} />
      <UpdateFields
        prefix="new-update"
        field={field as UpdateFieldsProps["field"]}
        error={error as UpdateFieldsProps["error"]}
      />
      <div className="flex items-start gap-3">
        <input
          id="new-update-email"
          type="checkbox"
          className="mt-1 size-5 shrink-0 accent-accent"
          {...checkbox("emailSigners")}
        />
        <label htmlFor="new-update-email">
          Email signers who asked for updates ({signers} now), each in their language. An update is emailed
          once: an edit later is not sent again.
        </label>
      </div>
      <button type="submit" className="button-primary" disabled={isPending}>
        {isPending ? "Posting…" : "Post the update"}
      </button>
    </form>
  );
}

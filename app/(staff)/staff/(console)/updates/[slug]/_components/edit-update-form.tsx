"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useActionForm } from "@/components/forms/use-action-form";
import { editPetitionUpdateAction } from "@/lib/actions/staff-updates";
import { petitionUpdateEditSchema, type PetitionUpdateEditInput } from "@/lib/validation/petition-updates";
import { UpdateFields, type UpdateFieldsProps } from "./update-fields";

export function EditUpdateForm({ values }: { values: PetitionUpdateEditInput }) {
  const { formRef, formAction, onSubmit, result, isPending, error, formError, field } =
    useActionForm<PetitionUpdateEditInput>({
      resolver: zodResolver(petitionUpdateEditSchema),
      action: editPetitionUpdateAction,
      defaultValues: values,
      afterSuccess: "sent",
    });
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="space-y-4"
      aria-label={`Edit “${values.title}”`}
    >
      <input type="hidden" {...field("id")} />
      <UpdateFields
        prefix={`update-${values.id}`}
        field={field as UpdateFieldsProps["field"]}
        error={error as UpdateFieldsProps["error"]}
      />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="button-primary" disabled={isPending}>
          {isPending ? "Saving…" : "Save changes"}
        </button>
        <span aria-live="polite">
          {formError ? (
            <span className="font-semibold text-error">{formError}</span>
          ) : result?.ok ? (
            "Saved."
          ) : (
            ""
          )}
        </span>
      </div>
    </form>
  );
}

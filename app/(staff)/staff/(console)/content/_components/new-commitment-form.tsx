"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useActionForm } from "@/components/forms/use-action-form";
import { addCommitmentAction } from "@/lib/actions/staff-content";
import { commitmentSchema, type CommitmentInput } from "@/lib/validation/content";
import { COMMITMENT_LABELS, CommitmentFields } from "./commitment-fields";
import { FormStatus } from "./form-status";

export function NewCommitmentForm({ pledgeSlug }: { pledgeSlug: string }) {
  const { form, formRef, formAction, onSubmit, result, changed, isPending, error, errorCount, formError } =
    useActionForm<CommitmentInput>({
      resolver: zodResolver(commitmentSchema),
      action: addCommitmentAction,
      defaultValues: { title: "", description: "", threshold: "" },
      afterSuccess: "defaults",
    });
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="space-y-3 rounded-xl border border-line p-4"
      aria-labelledby="new-commitment-heading"
    >
      <h3 id="new-commitment-heading" className="font-serif text-xl font-semibold">
        Add a commitment
      </h3>
      <FormStatus
        result={result}
        changed={changed}
        errorCount={errorCount}
        formError={formError}
        labels={COMMITMENT_LABELS}
        successText="Added at the end of the list. The public page offers it within seconds."
        testId="new-commitment-status"
      />
      <input type="hidden" name="pledgeSlug" value={pledgeSlug} />
      <CommitmentFields idPrefix="new-commitment" register={form.register} error={error} />
      <button type="submit" className="button-primary" disabled={isPending}>
        {isPending ? "Adding…" : "Add the commitment"}
      </button>
    </form>
  );
}

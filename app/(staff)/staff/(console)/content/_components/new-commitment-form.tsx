"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { addCommitmentAction } from "@/lib/actions/staff-content";
import { commitmentSchema, type CommitmentInput } from "@/lib/validation/content";
import { COMMITMENT_LABELS, CommitmentFields } from "./commitment-fields";
import { FormStatus } from "./form-status";
import { useContentForm } from "./use-content-form";

export function NewCommitmentForm({ pledgeSlug }: { pledgeSlug: string }) {
  const { form, formRef, onSubmit, state, isPending, error } = useContentForm<CommitmentInput>(
    zodResolver(commitmentSchema),
    addCommitmentAction,
    { title: "", description: "", threshold: "" },
    { clearOnSuccess: true },
  );
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3 rounded-xl border border-line p-4" aria-labelledby="new-commitment-heading">
      <h3 id="new-commitment-heading" className="font-serif text-xl font-semibold">
        Add a commitment
      </h3>
      <FormStatus
        state={state}
        errorCount={Object.keys(form.formState.errors).length}
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

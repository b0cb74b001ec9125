"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useActionState } from "react";
import type { EditableCommitment } from "@/db/queries/content-commitments";
import { retireCommitmentAction, saveCommitmentAction } from "@/lib/actions/staff-content";
import { commitmentSchema, type CommitmentInput } from "@/lib/validation/content";
import { COMMITMENT_LABELS, CommitmentFields } from "./commitment-fields";
import { FormStatus } from "./form-status";
import { useContentForm } from "./use-content-form";

/** One commitment of a pledge: its wording and threshold, and retiring it or offering it again. */
export function CommitmentForm({ commitment }: { commitment: EditableCommitment }) {
  const { id, slug, version, isRetired, takers } = commitment;
  const { form, formRef, onSubmit, state, isPending, error } = useContentForm<CommitmentInput>(
    zodResolver(commitmentSchema),
    saveCommitmentAction,
    { title: commitment.title, description: commitment.description, threshold: commitment.threshold === null ? "" : String(commitment.threshold) },
  );
  const [retireState, retire, isRetiring] = useActionState(retireCommitmentAction, null);
  const people = takers === 1 ? "1 person has" : `${takers.toLocaleString("en-US")} people have`;
  return (
    <article className="space-y-3 rounded-xl border border-line p-4" aria-label={`Commitment: ${commitment.title}`} data-testid="commitment-editor">
      <p className="text-sm text-muted">
        {isRetired ? <strong>Retired: not offered to new takers. </strong> : null}
        {people} chosen it.
      </p>
      <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
        <FormStatus state={state} errorCount={Object.keys(form.formState.errors).length} labels={COMMITMENT_LABELS} testId={`commitment-status-${slug}`} />
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        <CommitmentFields idPrefix={`commitment-${slug}`} register={form.register} error={error} />
        <button type="submit" className="button-secondary" disabled={isPending}>
          {isPending ? "Saving…" : "Save this commitment"}
        </button>
      </form>
      <form action={retire} className="space-y-2">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="change" value={isRetired ? "restore" : "retire"} />
        <p className="text-sm text-muted">
          {isRetired
            ? "Offering it again lets new takers choose it."
            : "Retiring it stops offering it to new takers. Those who chose it keep it, with its counts: a commitment people chose is never deleted."}
        </p>
        <button type="submit" className="button-secondary" disabled={isRetiring}>
          {isRetired ? "Offer it again" : "Retire this commitment"}
        </button>
        {retireState && !retireState.ok ? <p className="text-sm font-semibold text-error">{retireState.formError}</p> : null}
      </form>
    </article>
  );
}

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useActionForm } from "@/components/forms/use-action-form";
import type { EditableCommitment } from "@/db/queries/content-commitments";
import { retireCommitmentAction, saveCommitmentAction } from "@/lib/actions/staff-content";
import { commitmentSchema, type CommitmentInput } from "@/lib/validation/content";
import { formatNumber, STAFF_LOCALE } from "@/lib/domain/format";
import { COMMITMENT_LABELS, CommitmentFields } from "./commitment-fields";
import { FormStatus } from "./form-status";
import { useTranslationInputs } from "./use-translation-inputs";

/** One commitment of a pledge: its wording and threshold, and retiring it or offering it again. */
export function CommitmentForm({ commitment }: { commitment: EditableCommitment }) {
  const { id, slug, version, isRetired, takers } = commitment;
  const { form, formRef, formAction, onSubmit, result, changed, isPending, error, errorCount, formError } =
    useActionForm<CommitmentInput>({
      resolver: zodResolver(commitmentSchema),
      action: saveCommitmentAction,
      defaultValues: {
        title: commitment.title,
        description: commitment.description,
        threshold: commitment.threshold === null ? "" : String(commitment.threshold),
        title_es: commitment.title_es ?? "",
        description_es: commitment.description_es ?? "",
      },
      afterSuccess: "sent",
    });
  const translations = useTranslationInputs(form, error, "commitment");
  const {
    formRef: retireRef,
    formAction: retire,
    onSubmit: onRetire,
    isPending: isRetiring,
    formError: retireError,
  } = useActionForm({ action: retireCommitmentAction });
  const people = takers === 1 ? "1 person has" : `${formatNumber(takers, STAFF_LOCALE)} people have`;
  return (
    <article
      className="space-y-3 rounded-xl border border-line p-4"
      aria-label={`Commitment: ${commitment.title}`}
      data-testid="commitment-editor"
    >
      <p className="text-sm text-muted">
        {isRetired ? <strong>Retired: not offered to new takers. </strong> : null}
        {people} chosen it.
      </p>
      <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-3">
        <FormStatus
          result={result}
          changed={changed}
          errorCount={errorCount}
          formError={formError}
          labels={COMMITMENT_LABELS}
          testId={`commitment-status-${slug}`}
        />
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        <CommitmentFields
          idPrefix={`commitment-${slug}`}
          register={form.register}
          error={error}
          translations={translations}
        />
        <button type="submit" className="button-secondary" disabled={isPending}>
          {isPending ? "Saving…" : "Save this commitment"}
        </button>
      </form>
      <form ref={retireRef} action={retire} onSubmit={onRetire} className="space-y-2">
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
        {retireError ? <p className="text-sm font-semibold text-error">{retireError}</p> : null}
      </form>
    </article>
  );
}

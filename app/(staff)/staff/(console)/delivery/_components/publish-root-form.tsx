"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { SelectField } from "@/components/forms/select-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { publishIntegrityRootAction } from "@/lib/actions/staff-integrity";
import { publishRootSchema, type PublishRootInput } from "@/lib/validation/integrity";

/** Publishes a petition's integrity root now, besides the daily one (before handing over a pack, say). */
export function PublishRootForm({ petitions }: { petitions: { id: string; label: string }[] }) {
  const { formRef, formAction, onSubmit, result, isPending, error, formError, field } = useActionForm<
    PublishRootInput,
    { root: string; count: number }
  >({
    resolver: zodResolver(publishRootSchema),
    action: publishIntegrityRootAction,
    defaultValues: { petitionId: petitions[0]?.id ?? "" },
    afterSuccess: "sent",
  });
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="max-w-xl space-y-4 rounded-xl border border-line p-4"
      aria-labelledby="publish-root-heading"
    >
      <h2 id="publish-root-heading" className="font-serif text-xl font-semibold">
        Publish the count&rsquo;s fingerprint now
      </h2>
      <p>
        A Merkle root over every counted signature is published each day on the petition&rsquo;s integrity
        page; publish one now when you hand over a pack, so that anyone can check the number you hand over.
      </p>
      <div aria-live="polite" data-testid="publish-root-status">
        {formError ? <p className="font-semibold text-error">{formError}</p> : null}
        {result?.ok ? (
          <p className="font-semibold">
            Published over {result.data.count} signatures:{" "}
            <code className="break-all">{result.data.root}</code>
          </p>
        ) : null}
      </div>
      <SelectField
        id="publish-root-petition"
        label="Publish for"
        error={error("petitionId")}
        options={petitions.map(({ id, label }) => ({ value: id, label }))}
        {...field("petitionId")}
      />
      <button type="submit" className="button-primary" disabled={isPending}>
        Publish a root
      </button>
    </form>
  );
}

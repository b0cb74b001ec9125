"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Checkbox } from "@/components/forms/checkbox";
import { useActionForm } from "@/components/forms/use-action-form";
import { savePetitionAction } from "@/lib/actions/staff-content";
import { petitionContentSchema, type PetitionContentInput } from "@/lib/validation/content";
import { ContentField } from "./content-field";
import { FormStatus } from "./form-status";
import { OpenFields } from "./open-fields";

const LABELS: Record<keyof PetitionContentInput, string> = {
  title: "title",
  target: "who is asked",
  ask: "the ask",
  background: "background",
  goal: "goal",
  isOpen: "open or closed",
  closesAt: "closing time",
  reviewsComments: "comment review",
};

export function PetitionForm({
  slug,
  version,
  defaults,
}: {
  slug: string;
  version: string;
  defaults: PetitionContentInput;
}) {
  const { form, formRef, formAction, onSubmit, result, changed, isPending, error, errorCount, formError } =
    useActionForm<PetitionContentInput>({
      resolver: zodResolver(petitionContentSchema),
      action: savePetitionAction,
      defaultValues: defaults,
      afterSuccess: "sent",
    });
  const { register } = form;
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="max-w-3xl space-y-5"
      aria-label="Petition"
    >
      <FormStatus
        result={result}
        changed={changed}
        errorCount={errorCount}
        formError={formError}
        labels={LABELS}
        testId="petition-status"
      />
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="version" value={version} />
      <ContentField
        id="petition-title"
        label="Title"
        error={error("title")}
        registration={register("title")}
      />
      <ContentField
        id="petition-target"
        label="Who is asked to act"
        hint="Shown as “Petition to …”."
        error={error("target")}
        registration={register("target")}
      />
      <ContentField
        id="petition-ask"
        label="The ask"
        hint="The sentence people put their name to."
        error={error("ask")}
        registration={register("ask")}
        rows={3}
      />
      <ContentField
        id="petition-background"
        label="Why it matters"
        hint="Paragraphs separated by a blank line."
        error={error("background")}
        registration={register("background")}
        rows={10}
      />
      <OpenFields idPrefix="petition" noun="signatures" register={register} error={error} />
      <Checkbox
        id="petition-reviewsComments"
        label={
          <>
            Review every comment before it is shown
            <span className="block text-sm text-muted">
              Signers&rsquo; comments then wait under Comments until an editor approves them, those already
              shown included. Without it, a comment is shown once its signer confirms, and hidden if enough
              readers report it.
            </span>
          </>
        }
        error={error("reviewsComments")}
        {...register("reviewsComments")}
      />
      <button type="submit" className="button-primary" disabled={isPending}>
        {isPending ? "Saving…" : "Save the petition"}
      </button>
    </form>
  );
}

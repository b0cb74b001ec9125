"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Checkbox } from "@/components/forms/checkbox";
import { useActionForm } from "@/components/forms/use-action-form";
import { savePetitionAction } from "@/lib/actions/staff-content";
import { petitionContentSchema, type PetitionContentInput } from "@/lib/validation/content";
import { BilingualField, LanguageColumns } from "./bilingual-field";
import { FormStatus } from "./form-status";
import { OpenFields } from "./open-fields";
import { translatedLabels, useTranslationInputs } from "./use-translation-inputs";

const TEXTS = { title: "title", target: "who is asked", ask: "the ask", background: "background" };

const LABELS: Record<string, string> = {
  ...TEXTS,
  ...translatedLabels("petition", TEXTS),
  goal: "goal",
  isOpen: "open or closed",
  closesAt: "closing time",
  publishesOpenCounts: "counts by place and time",
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
  const translations = useTranslationInputs(form, error, "petition");
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="max-w-6xl space-y-5"
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
      <LanguageColumns />
      <BilingualField
        id="petition-title"
        label="Title"
        error={error("title")}
        registration={register("title")}
        translations={translations("title")}
      />
      <BilingualField
        id="petition-target"
        label="Who is asked to act"
        hint="Shown as “Petition to …”."
        error={error("target")}
        registration={register("target")}
        translations={translations("target")}
      />
      <BilingualField
        id="petition-ask"
        label="The ask"
        hint="The sentence people put their name to."
        error={error("ask")}
        registration={register("ask")}
        rows={3}
        translations={translations("ask")}
      />
      <BilingualField
        id="petition-background"
        label="Why it matters"
        hint="Paragraphs separated by a blank line."
        error={error("background")}
        registration={register("background")}
        rows={10}
        translations={translations("background")}
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

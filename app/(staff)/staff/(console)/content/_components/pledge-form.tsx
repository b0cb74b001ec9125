"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useActionForm } from "@/components/forms/use-action-form";
import { savePledgeAction } from "@/lib/actions/staff-content";
import { pledgeContentSchema, type PledgeContentInput } from "@/lib/validation/content";
import { BilingualField, LanguageColumns } from "./bilingual-field";
import { FormStatus } from "./form-status";
import { OpenFields } from "./open-fields";
import { translatedLabels, useTranslationInputs } from "./use-translation-inputs";

const TEXTS = { title: "title", statement: "statement", background: "background" };

const LABELS: Record<string, string> = {
  ...TEXTS,
  ...translatedLabels("pledge", TEXTS),
  goal: "goal",
  isOpen: "open or closed",
  closesAt: "closing time",
  publishesOpenCounts: "counts by place and time",
};

export function PledgeForm({
  slug,
  version,
  defaults,
}: {
  slug: string;
  version: string;
  defaults: PledgeContentInput;
}) {
  const { form, formRef, formAction, onSubmit, result, changed, isPending, error, errorCount, formError } =
    useActionForm<PledgeContentInput>({
      resolver: zodResolver(pledgeContentSchema),
      action: savePledgeAction,
      defaultValues: defaults,
      afterSuccess: "sent",
    });
  const { register } = form;
  const translations = useTranslationInputs(form, error, "pledge");
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="max-w-6xl space-y-5"
      aria-label="Pledge"
    >
      <FormStatus
        result={result}
        changed={changed}
        errorCount={errorCount}
        formError={formError}
        labels={LABELS}
        testId="pledge-status"
      />
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="version" value={version} />
      <LanguageColumns />
      <BilingualField
        id="pledge-title"
        label="Title"
        error={error("title")}
        registration={register("title")}
        translations={translations("title")}
      />
      <BilingualField
        id="pledge-statement"
        label="The promise"
        hint="In the first person: “I will …”."
        error={error("statement")}
        registration={register("statement")}
        rows={2}
        translations={translations("statement")}
      />
      <BilingualField
        id="pledge-background"
        label="Background"
        hint="Paragraphs separated by a blank line."
        error={error("background")}
        registration={register("background")}
        rows={6}
        translations={translations("background")}
      />
      <OpenFields idPrefix="pledge" noun="promises" register={register} error={error} />
      <button type="submit" className="button-primary" disabled={isPending}>
        {isPending ? "Saving…" : "Save the pledge"}
      </button>
    </form>
  );
}

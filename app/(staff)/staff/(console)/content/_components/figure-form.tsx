"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useActionForm } from "@/components/forms/use-action-form";
import { saveImpactFigureAction } from "@/lib/actions/staff-content";
import { impactFigureSchema, type ImpactFigureInput } from "@/lib/validation/content";
import { FIGURE_LABELS, FigureFields } from "./figure-fields";
import { FormStatus } from "./form-status";
import { useTranslationInputs } from "./use-translation-inputs";

export function FigureForm({
  slug,
  version,
  defaults,
}: {
  slug: string;
  version: string;
  defaults: ImpactFigureInput;
}) {
  const { form, formRef, formAction, onSubmit, result, changed, isPending, error, errorCount, formError } =
    useActionForm<ImpactFigureInput>({
      resolver: zodResolver(impactFigureSchema),
      action: saveImpactFigureAction,
      defaultValues: defaults,
      afterSuccess: "sent",
    });
  const translations = useTranslationInputs(form, error, "figure");
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="max-w-6xl space-y-5"
      aria-label="Impact figure"
    >
      <FormStatus
        result={result}
        changed={changed}
        errorCount={errorCount}
        formError={formError}
        labels={FIGURE_LABELS}
        testId="figure-status"
      />
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="version" value={version} />
      <FigureFields
        register={form.register}
        error={error}
        control={form.control}
        translations={translations}
      />
      <button type="submit" className="button-primary" disabled={isPending}>
        {isPending ? "Saving…" : "Save the figure"}
      </button>
    </form>
  );
}

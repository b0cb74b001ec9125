"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { saveImpactFigureAction } from "@/lib/actions/staff-content";
import { impactFigureSchema, type ImpactFigureInput } from "@/lib/validation/content";
import { FIGURE_LABELS, FigureFields } from "./figure-fields";
import { FormStatus } from "./form-status";
import { useContentForm } from "./use-content-form";

export function FigureForm({ slug, version, defaults }: { slug: string; version: string; defaults: ImpactFigureInput }) {
  const { form, formRef, onSubmit, state, isPending, error } = useContentForm<ImpactFigureInput>(
    zodResolver(impactFigureSchema),
    saveImpactFigureAction,
    defaults,
  );
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="max-w-3xl space-y-5" aria-label="Impact figure">
      <FormStatus state={state} errorCount={Object.keys(form.formState.errors).length} labels={FIGURE_LABELS} testId="figure-status" />
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="version" value={version} />
      <FigureFields register={form.register} error={error} control={form.control} />
      <button type="submit" className="button-primary" disabled={isPending}>
        {isPending ? "Saving…" : "Save the figure"}
      </button>
    </form>
  );
}

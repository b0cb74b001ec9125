"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useActionForm } from "@/components/forms/use-action-form";
import Link from "next/link";
import type { Control } from "react-hook-form";
import { addImpactFigureAction } from "@/lib/actions/staff-content";
import {
  newImpactFigureSchema,
  type ImpactFigureInput,
  type NewImpactFigureInput,
} from "@/lib/validation/content";
import { ContentField } from "./content-field";
import { FIGURE_LABELS, FigureFields } from "./figure-fields";
import { FormStatus } from "./form-status";

const EMPTY: NewImpactFigureInput = {
  slug: "",
  value: "",
  isLowerBound: false,
  notation: "standard",
  unit: "",
  counts: "",
  period: "",
  reportedBy: "",
  reportedIn: "",
  quotedBy: "",
  sourceUrl: "",
  method: "self-reported",
  sortOrder: "0",
};

export function NewFigureForm({ defaults }: { defaults: Partial<NewImpactFigureInput> }) {
  const { form, formRef, formAction, onSubmit, result, changed, isPending, error, errorCount, formError } =
    useActionForm<NewImpactFigureInput>({
      resolver: zodResolver(newImpactFigureSchema),
      action: addImpactFigureAction,
      defaultValues: { ...EMPTY, ...defaults },
      afterSuccess: "defaults",
    });
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="max-w-3xl space-y-5"
      aria-label="New impact figure"
    >
      <FormStatus
        result={result}
        changed={changed}
        errorCount={errorCount}
        formError={formError}
        labels={FIGURE_LABELS}
        successText="Added. The home page shows it within seconds; name it on a story page to show it there."
        testId="figure-status"
      />
      {result?.ok ? <Link href="/staff/content">Back to content</Link> : null}
      <ContentField
        id="figure-slug"
        label="Short name"
        hint="Lower-case words joined by hyphens, like teens-educated. Story pages use it; it cannot be changed later."
        error={error("slug")}
        registration={form.register("slug")}
      />
      <FigureFields
        register={form.register}
        error={error}
        control={form.control as unknown as Control<ImpactFigureInput>}
      />
      <button type="submit" className="button-primary" disabled={isPending}>
        {isPending ? "Adding…" : "Add the figure"}
      </button>
    </form>
  );
}

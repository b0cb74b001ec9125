"use client";

import { useWatch, type Control, type UseFormRegisterReturn } from "react-hook-form";
import { Checkbox } from "@/components/forms/checkbox";
import { Field, INPUT_CLASS } from "@/components/forms/field";
import { REPORTING_METHODS, type FigureNotation } from "@/lib/domain/enums";
import { STAFF_LOCALE } from "@/lib/domain/format";
import { describeFigureSource, formatFigureValue } from "@/lib/domain/impact-figure";
import { parseWholeNumber, type ImpactFigureInput } from "@/lib/validation/content";
import { BilingualField } from "./bilingual-field";
import { ContentField } from "./content-field";
import { translatedLabels, type TranslationInput } from "./use-translation-inputs";

type Name = keyof ImpactFigureInput;

const TEXTS = { unit: "unit", counts: "what it counts", period: "period" };

export const FIGURE_LABELS: Record<string, string> = {
  value: "figure",
  isLowerBound: "“more than”",
  notation: "how it is written",
  ...TEXTS,
  ...translatedLabels("figure", TEXTS),
  reportedBy: "reported by",
  reportedIn: "reported in",
  quotedBy: "quoted by",
  sourceUrl: "source link",
  method: "method",
  sortOrder: "order",
};

const NOTATIONS: Record<FigureNotation, string> = {
  standard: "In full: 3,500,000",
  compact: "In words: 3.5 million",
};

/** How the figure will read on the public pages, as it is typed. */
function FigurePreview({ control }: { control: Control<ImpactFigureInput> }) {
  const figure = useWatch({ control }) as ImpactFigureInput;
  const value = parseWholeNumber(figure.value ?? "");
  if (value === null) return null;
  const shown = formatFigureValue(
    { value, isLowerBound: figure.isLowerBound, notation: figure.notation },
    STAFF_LOCALE,
  );
  const source = describeFigureSource({ ...figure, quotedBy: figure.quotedBy?.trim() || null });
  return (
    <p className="rounded-md bg-accent/5 p-3 text-sm" data-testid="figure-preview">
      Reads: <strong>{shown}</strong> {figure.counts} <span className="text-muted">{source}</span>
    </p>
  );
}

/**
 * A figure and its attribution: who reported it, where, and for which period; with
 * `translations`, its words in every language side by side (its number and source stay as reported).
 */
export function FigureFields({
  register,
  error,
  control,
  translations = () => [],
}: {
  register: (name: Name) => UseFormRegisterReturn;
  error: (name: Name) => string | undefined;
  control: Control<ImpactFigureInput>;
  translations?: (field: "unit" | "counts" | "period") => TranslationInput[];
}) {
  const select = (name: "notation" | "method", label: string, options: [string, string][]) => (
    <Field id={`figure-${name}`} label={label} error={error(name)}>
      {(describedBy, invalid) => (
        <select
          id={`figure-${name}`}
          className={INPUT_CLASS}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          {...register(name)}
        >
          {options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <>
      <div className="grid gap-5 sm:grid-cols-2">
        <ContentField
          id="figure-value"
          label="Figure"
          hint="A whole number, like 140,000."
          error={error("value")}
          registration={register("value")}
          inputMode="numeric"
        />
        {select("notation", "Written", Object.entries(NOTATIONS))}
      </div>
      <Checkbox
        id="figure-isLowerBound"
        label="The source says “more than” or “over”: show it as 140,000+"
        {...register("isLowerBound")}
      />
      <BilingualField
        id="figure-unit"
        label="Unit"
        hint="What one unit is, in the plural: teens, technology companies."
        error={error("unit")}
        registration={register("unit")}
        translations={translations("unit")}
      />
      <BilingualField
        id="figure-counts"
        label="What it counts"
        hint="Read after the number."
        error={error("counts")}
        registration={register("counts")}
        rows={2}
        translations={translations("counts")}
      />
      <fieldset className="space-y-4 rounded-xl border border-line p-4">
        <legend className="px-1 font-semibold">
          Its source (required: a figure is never shown without it)
        </legend>
        <BilingualField
          id="figure-period"
          label="Year or period"
          hint="2017, or as of 2018."
          error={error("period")}
          registration={register("period")}
          translations={translations("period")}
        />
        <ContentField
          id="figure-reportedBy"
          label="Reported by"
          error={error("reportedBy")}
          registration={register("reportedBy")}
        />
        <ContentField
          id="figure-reportedIn"
          label="Reported in"
          hint="its 2017 impact report"
          error={error("reportedIn")}
          registration={register("reportedIn")}
        />
        <ContentField
          id="figure-quotedBy"
          label="Quoted by (optional)"
          hint="Who relayed it, when read second-hand: People (2018)."
          error={error("quotedBy")}
          registration={register("quotedBy")}
        />
        <ContentField
          id="figure-sourceUrl"
          label="Link to the source (optional)"
          error={error("sourceUrl")}
          registration={register("sourceUrl")}
          type="url"
        />
        {select(
          "method",
          "How it was established",
          REPORTING_METHODS.map((method) => [method, method]),
        )}
      </fieldset>
      <ContentField
        id="figure-sortOrder"
        label="Order"
        hint="Lower numbers are shown first."
        error={error("sortOrder")}
        registration={register("sortOrder")}
        inputMode="numeric"
      />
      <FigurePreview control={control} />
    </>
  );
}

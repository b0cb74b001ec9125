import type { UseFormRegisterReturn } from "react-hook-form";
import type { CommitmentInput } from "@/lib/validation/content";
import { BilingualField } from "./bilingual-field";
import { ContentField } from "./content-field";
import { translatedLabels, type TranslationInput } from "./use-translation-inputs";

type Name = keyof CommitmentInput;

const TEXTS = { title: "wording", description: "description" };

export const COMMITMENT_LABELS: Record<string, string> = {
  ...TEXTS,
  ...translatedLabels("commitment", TEXTS),
  threshold: "threshold",
};

/**
 * A commitment's wording, description and threshold, for editing one or adding one; with
 * `translations`, its texts in every language side by side.
 */
export function CommitmentFields({
  idPrefix,
  register,
  error,
  translations = () => [],
}: {
  idPrefix: string;
  register: (name: Name) => UseFormRegisterReturn;
  error: (name: Name) => string | undefined;
  translations?: (field: "title" | "description") => TranslationInput[];
}) {
  return (
    <>
      <BilingualField
        id={`${idPrefix}-title`}
        label="Commitment"
        error={error("title")}
        registration={register("title")}
        translations={translations("title")}
      />
      <BilingualField
        id={`${idPrefix}-description`}
        label="Description"
        error={error("description")}
        registration={register("description")}
        rows={2}
        translations={translations("description")}
      />
      <ContentField
        id={`${idPrefix}-threshold`}
        label="Threshold (optional)"
        hint="“I'll do it if N others will”: it switches on once this many have taken it. Blank: on at once."
        error={error("threshold")}
        registration={register("threshold")}
        inputMode="numeric"
      />
    </>
  );
}

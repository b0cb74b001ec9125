import type { UseFormRegisterReturn } from "react-hook-form";
import type { CommitmentInput } from "@/lib/validation/content";
import { ContentField } from "./content-field";

type Name = keyof CommitmentInput;

export const COMMITMENT_LABELS: Record<Name, string> = {
  title: "wording",
  description: "description",
  threshold: "threshold",
};

/** A commitment's wording, description and threshold, for editing one or adding one. */
export function CommitmentFields({
  idPrefix,
  register,
  error,
}: {
  idPrefix: string;
  register: (name: Name) => UseFormRegisterReturn;
  error: (name: Name) => string | undefined;
}) {
  return (
    <>
      <ContentField
        id={`${idPrefix}-title`}
        label="Commitment"
        error={error("title")}
        registration={register("title")}
      />
      <ContentField
        id={`${idPrefix}-description`}
        label="Description"
        error={error("description")}
        registration={register("description")}
        rows={2}
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

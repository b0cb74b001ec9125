"use client";

import { useWatch, type Control } from "react-hook-form";
import type { PublicCommitment } from "@/db/queries/pledges";
import type { CountryCode } from "@/lib/domain/countries";
import type { PledgeInput, PledgeStep } from "@/lib/validation/pledge";
import { chosenOf } from "./pledge-flow";

/** The summary before sending: what will be promised, and by whom, with a way back to each. */
export function CheckStep({
  control,
  commitments,
  countries,
  onChange,
}: {
  control: Control<PledgeInput>;
  commitments: PublicCommitment[];
  countries: { code: CountryCode; name: string }[];
  onChange: (step: PledgeStep) => void;
}) {
  const values = useWatch({ control });
  const chosen = commitments.filter((commitment) => chosenOf(values.commitments).includes(commitment.slug));
  const country = countries.find((option) => option.code === values.country)?.name ?? values.country;
  return (
    <dl className="space-y-4 rounded-xl border border-line p-4" data-testid="pledge-summary">
      <div>
        <dt className="font-semibold">You will</dt>
        <dd>
          <ul className="list-disc ps-5">
            {chosen.map((commitment) => (
              <li key={commitment.slug}>{commitment.title}</li>
            ))}
          </ul>
          <button type="button" className="link" onClick={() => onChange("commitments")}>
            Change what you will do
          </button>
        </dd>
      </div>
      <div>
        <dt className="font-semibold">You are</dt>
        <dd>
          {values.firstName} {values.lastName}, {values.email}
          <br />
          {[values.postalCode, country].filter(Boolean).join(", ")}
          <br />
          {values.isPublic
            ? "Shown with the pledge (first name, last initial, place)"
            : "Not shown with the pledge"}
          ; {values.wantsUpdates ? "kept updated by email" : "no campaign updates"}
          <br />
          <button type="button" className="link" onClick={() => onChange("details")}>
            Change your details
          </button>
        </dd>
      </div>
    </dl>
  );
}

"use client";

import { useWatch, type Control } from "react-hook-form";
import type { PublicCommitment } from "@/db/queries/pledges";
import type { CountryCode } from "@/lib/domain/countries";
import type { PledgeInput, PledgeStep } from "@/lib/validation/pledge";
import { chosenOf } from "./pledge-flow";
import { inFallback } from "@/lib/domain/fallback-language";

/** The summary's words, in the page's language (messages: pledgeFlow). */
export interface CheckStepWords {
  youWill: string;
  changeCommitments: string;
  youAre: string;
  shown: string;
  notShown: string;
  updates: string;
  noUpdates: string;
  changeDetails: string;
}

/** The summary before sending: what will be promised, and by whom, with a way back to each. */
export function CheckStep({
  control,
  commitments,
  countries,
  onChange,
  words,
}: {
  control: Control<PledgeInput>;
  commitments: PublicCommitment[];
  countries: { code: CountryCode; name: string }[];
  onChange: (step: PledgeStep) => void;
  words: CheckStepWords;
}) {
  const values = useWatch({ control });
  const chosen = commitments.filter((commitment) => chosenOf(values.commitments).includes(commitment.slug));
  const country = countries.find((option) => option.code === values.country)?.name ?? values.country;
  return (
    <dl className="space-y-4 rounded-xl border border-line p-4" data-testid="pledge-summary">
      <div>
        <dt className="font-semibold">{words.youWill}</dt>
        <dd>
          <ul className="list-disc ps-5">
            {chosen.map((commitment) => (
              <li key={commitment.slug} {...inFallback(commitment, "title")}>
                {commitment.title}
              </li>
            ))}
          </ul>
          <button type="button" className="link" onClick={() => onChange("commitments")}>
            {words.changeCommitments}
          </button>
        </dd>
      </div>
      <div>
        <dt className="font-semibold">{words.youAre}</dt>
        <dd>
          {values.firstName} {values.lastName}, {values.email}
          <br />
          {[values.postalCode, country].filter(Boolean).join(", ")}
          <br />
          {values.isPublic ? words.shown : words.notShown};{" "}
          {values.wantsUpdates ? words.updates : words.noUpdates}
          <br />
          <button type="button" className="link" onClick={() => onChange("details")}>
            {words.changeDetails}
          </button>
        </dd>
      </div>
    </dl>
  );
}

import type { UseFormRegisterReturn } from "react-hook-form";
import { Checkbox } from "@/components/forms/checkbox";
import { GOAL_STEPS } from "@/lib/domain/goal";
import { formatNumber, STAFF_LOCALE } from "@/lib/domain/format";
import { ContentField } from "./content-field";

const AUTOMATIC_STEPS = GOAL_STEPS.slice(0, 4)
  .map((goal) => formatNumber(goal, STAFF_LOCALE))
  .join(", ");

/** The goal and the open state a petition and a pledge share. */
export function OpenFields({
  idPrefix,
  noun,
  register,
  error,
}: {
  idPrefix: string;
  noun: "signatures" | "promises";
  register: (name: "goal" | "isOpen" | "closesAt") => UseFormRegisterReturn;
  error: (name: "goal" | "isOpen" | "closesAt") => string | undefined;
}) {
  return (
    <>
      <ContentField
        id={`${idPrefix}-goal`}
        label="Goal (optional)"
        hint={`Leave blank for the automatic goal, which steps up as each is reached: ${AUTOMATIC_STEPS} and on.`}
        error={error("goal")}
        registration={register("goal")}
        inputMode="numeric"
      />
      <Checkbox
        id={`${idPrefix}-isOpen`}
        label={`Open for new ${noun}`}
        error={error("isOpen")}
        {...register("isOpen")}
      />
      <ContentField
        id={`${idPrefix}-closesAt`}
        label="Closes at, in UTC (optional)"
        hint={`New ${noun} stop by themselves at this time. Leave blank to stay open until the box above is unticked.`}
        error={error("closesAt")}
        registration={register("closesAt")}
        type="datetime-local"
      />
    </>
  );
}

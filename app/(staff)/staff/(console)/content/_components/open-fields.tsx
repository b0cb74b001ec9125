import type { UseFormRegisterReturn } from "react-hook-form";
import { Checkbox } from "@/components/forms/checkbox";
import { GOAL_STEPS } from "@/lib/domain/goal";
import { OPEN_COUNTS_MIN_CELL } from "@/lib/domain/open-counts";
import { formatNumber, STAFF_LOCALE } from "@/lib/domain/format";
import { ContentField } from "./content-field";

const AUTOMATIC_STEPS = GOAL_STEPS.slice(0, 4)
  .map((goal) => formatNumber(goal, STAFF_LOCALE))
  .join(", ");

type Name = "goal" | "isOpen" | "closesAt" | "publishesOpenCounts";

/** The goal, the open state and the open counts' switch a petition and a pledge share. */
export function OpenFields({
  idPrefix,
  noun,
  register,
  error,
}: {
  idPrefix: string;
  noun: "signatures" | "promises";
  register: (name: Name) => UseFormRegisterReturn;
  error: (name: Name) => string | undefined;
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
      <Checkbox
        id={`${idPrefix}-publishesOpenCounts`}
        label={
          <>
            Publish verified counts by place and time
            <span className="block text-sm text-muted">
              Shows on the public page, and to anyone through the open API, how many verified {noun} come from
              each country and U.S. state and how many arrived each hour and day. Places with fewer than{" "}
              {OPEN_COUNTS_MIN_CELL} are grouped together so that no one stands out. Off until you choose it.
              (A petition&rsquo;s integrity page shows its totals by day whatever this says, never by place.)
            </span>
          </>
        }
        error={error("publishesOpenCounts")}
        {...register("publishesOpenCounts")}
      />
    </>
  );
}

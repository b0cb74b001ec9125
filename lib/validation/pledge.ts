import * as z from "zod/mini";
import { supporterFields, withPostalCodeRule } from "./signature";
import { PLEDGE_STEPS, type PledgeStep } from "./supporter-rules";

// One schema per step of the pledge form, in the browser and again on the server, and the
// whole pledge as the server receives it. zod/mini, with keys for messages, as in ./signature.ts,
// and loaded by the form the same way.

export { PLEDGE_STEPS, type PledgeStep };

export const commitmentsStepSchema = z.object({
  commitments: z
    .array(z.string().check(z.regex(/^[a-z0-9-]{1,64}$/, "commitments.listed")), {
      error: "commitments.required",
    })
    .check(z.minLength(1, "commitments.required"), z.maxLength(20, "commitments.listed")),
});

export const detailsStepSchema = withPostalCodeRule(z.object(supporterFields("pledge")));

export const pledgeSchema = withPostalCodeRule(
  z.object({ ...commitmentsStepSchema.shape, ...supporterFields("pledge") }),
);

export type PledgeInput = z.infer<typeof pledgeSchema>;

/** The schema that decides whether a step is complete; the last step checks everything. */
export const STEP_SCHEMAS: Record<PledgeStep, z.ZodMiniType> = {
  commitments: commitmentsStepSchema,
  details: detailsStepSchema,
  check: pledgeSchema,
};

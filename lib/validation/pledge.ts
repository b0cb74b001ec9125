import * as z from "zod/mini";
import { supporterFields, withPostalCodeRule } from "./signature";
import { PLEDGE_STEPS, type PledgeStep } from "./supporter-rules";

// One schema per step of the pledge form, in the browser and again on the server, and the
// whole pledge as the server receives it. zod/mini, as in ./signature.ts, and loaded by the form
// the same way.

export { PLEDGE_STEPS, type PledgeStep };

export const commitmentsStepSchema = z.object({
  commitments: z
    .array(z.string().check(z.regex(/^[a-z0-9-]{1,64}$/, "Choose from the commitments listed")), {
      error: "Choose at least one commitment",
    })
    .check(
      z.minLength(1, "Choose at least one commitment"),
      z.maxLength(20, "Choose from the commitments listed"),
    ),
});

export const detailsStepSchema = withPostalCodeRule(z.object(supporterFields("take the pledge")));

export const pledgeSchema = withPostalCodeRule(
  z.object({ ...commitmentsStepSchema.shape, ...supporterFields("take the pledge") }),
);

export type PledgeInput = z.infer<typeof pledgeSchema>;

/** The schema that decides whether a step is complete; the last step checks everything. */
export const STEP_SCHEMAS: Record<PledgeStep, z.ZodMiniType> = {
  commitments: commitmentsStepSchema,
  details: detailsStepSchema,
  check: pledgeSchema,
};

import { z } from "zod";
import { supporterFields, withPostalCodeRule } from "./signature";

// One schema per step of the pledge form, in the browser and again on the server, and the
// whole pledge as the server receives it.

export const PLEDGE_STEPS = ["commitments", "details", "check"] as const;
export type PledgeStep = (typeof PLEDGE_STEPS)[number];

export const commitmentsStepSchema = z.object({
  commitments: z
    .array(z.string().regex(/^[a-z0-9-]{1,64}$/, "Choose from the commitments listed"), {
      error: "Choose at least one commitment",
    })
    .min(1, "Choose at least one commitment")
    .max(20, "Choose from the commitments listed"),
});

export const detailsStepSchema = withPostalCodeRule(z.object(supporterFields("take the pledge")));

export const pledgeSchema = withPostalCodeRule(
  z.object({ ...commitmentsStepSchema.shape, ...supporterFields("take the pledge") }),
);

export type PledgeInput = z.infer<typeof pledgeSchema>;

/** The schema that decides whether a step is complete; the last step checks everything. */
export const STEP_SCHEMAS: Record<PledgeStep, z.ZodType> = {
  commitments: commitmentsStepSchema,
  details: detailsStepSchema,
  check: pledgeSchema,
};

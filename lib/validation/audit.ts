import { z } from "zod";
import { optionalDate } from "./filters";
import { isCleanLine } from "./text";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep it under ${max} characters`)
    .refine(isCleanLine, "Remove the special characters")
    .optional()
    .transform((value) => value || undefined);

/** The audit log page's filters, from its address (a GET form, so a view can be linked to). */
export const auditFiltersSchema = z.object({
  actor: optionalText(200),
  action: optionalText(100),
  subject: optionalText(200),
  from: optionalDate,
  to: optionalDate,
  before: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

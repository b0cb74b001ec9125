import { z } from "zod";

/** A date field of a GET filter form: YYYY-MM-DD, or left empty. */
export const optionalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Give dates as YYYY-MM-DD")
  .optional()
  .or(z.literal("").transform(() => undefined));

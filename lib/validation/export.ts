import { z } from "zod";
import { supportState } from "@/db/schema/enums";

const optionalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Give dates as YYYY-MM-DD")
  .optional()
  .or(z.literal("").transform(() => undefined));

/** The export's filters, as the export page's form sends them (a GET, so the URL can be kept). */
export const exportSchema = z.object({
  action: z.string().regex(/^(petition|pledge):[\w-]{1,100}$/, "Choose a petition or a pledge"),
  state: z.enum(supportState.enumValues).optional().or(z.literal("").transform(() => undefined)),
  from: optionalDate,
  to: optionalDate,
  optedIn: z.literal("on").optional(),
  format: z.enum(["csv", "jsonl"]).default("csv"),
});

export type ExportRequest = z.infer<typeof exportSchema>;

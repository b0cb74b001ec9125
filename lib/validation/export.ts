import { z } from "zod";
import { optionalDate } from "./filters";
import { SUPPORT_STATES } from "@/lib/domain/enums";

/** The export's filters, as the export page's form posts them. */
export const exportSchema = z.object({
  action: z.string().regex(/^(petition|pledge):[\w-]{1,100}$/, "Choose a petition or a pledge"),
  state: z
    .enum(SUPPORT_STATES)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  from: optionalDate,
  to: optionalDate,
  optedIn: z.literal("on").optional(),
  format: z.enum(["csv", "jsonl"]).default("csv"),
});

export type ExportRequest = z.infer<typeof exportSchema>;

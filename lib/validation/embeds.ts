import { z } from "zod";
import { normaliseOrigin } from "@/lib/domain/referrer";

/** The most sites one campaign's embeds may be framed by: a header, not a database, holds them. */
export const MAX_EMBED_ORIGINS = 50;

/** The sites typed in the console, one per line (or separated by commas or spaces). */
export const splitOrigins = (text: string) => text.split(/[\s,]+/).filter((line) => line.length > 0);

/** The console's list of sites allowed to frame a campaign's embeds. */
export const embedOriginsSchema = z.object({
  campaignId: z.uuid({ error: "Choose a campaign" }),
  origins: z
    .string()
    .max(10_000, "Use at most 10,000 characters")
    .superRefine((text, context) => {
      const lines = splitOrigins(text);
      const wrong = lines.filter((line) => normaliseOrigin(line) === null);
      if (wrong.length > 0)
        context.addIssue({
          code: "custom",
          message: `Write each site as https://host or https://host:port, with no path: ${wrong.slice(0, 3).join(", ")}`,
        });
      if (new Set(lines).size > MAX_EMBED_ORIGINS)
        context.addIssue({ code: "custom", message: `List at most ${MAX_EMBED_ORIGINS} sites` });
    }),
});
export type EmbedOriginsInput = z.infer<typeof embedOriginsSchema>;

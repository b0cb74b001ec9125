import { z } from "zod";
import type { ResponseSpec } from "./operation";
import { errorSchema, plainTextSchema, refusalSchema } from "./schemas";

// Answers many routes share, so each family module names them in a word.

export const slugPath = z.object({ slug: z.string().meta({ description: "The campaign's slug." }) });

export const json = (schema: z.core.$ZodType) => ({ "application/json": schema });

export const RETRY_AFTER = { "Retry-After": "Seconds to wait before trying again." };

export const tooMany = (limit: string, as: "json" | "text" = "json"): ResponseSpec => ({
  description: `Over the caller's address's flood limit (${limit}); wait Retry-After seconds.`,
  headers: RETRY_AFTER,
  content: as === "json" ? json(errorSchema.or(refusalSchema)) : { "text/plain": plainTextSchema },
});

export const unavailable = (content = json(errorSchema.or(refusalSchema))): ResponseSpec => ({
  description: "The database cannot be reached; nothing changed; try again after Retry-After seconds.",
  headers: RETRY_AFTER,
  content,
});

export const notFound = (what: string): ResponseSpec => ({
  description: `No ${what}.`,
  content: json(errorSchema),
});

export const seeOther = (where: string): ResponseSpec => ({
  description: `303 See Other to ${where}, in the language of the page the form was posted from.`,
  headers: { Location: "The page that says what happened." },
});

export const BODY_ERRORS: Record<number, ResponseSpec> = {
  408: { description: "The body did not arrive within 10 seconds." },
  413: { description: "The body is larger than 16 KB.", content: json(refusalSchema) },
  415: {
    description: "The body is not sent as one of the media types above.",
    content: json(refusalSchema.or(errorSchema)),
  },
};

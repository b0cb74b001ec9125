import { z } from "zod";
import { LOCALES } from "@/lib/domain/locale";

// What the buttons behind Upstand's emailed links post (plain url-encoded forms, so they work
// without JavaScript), and the ids in the public API's paths. The route handlers check with
// these schemas, and the OpenAPI document (lib/openapi) is generated from them.

/** An emailed link's token: 256 random bits, base64url; anything else cannot be one. */
export const linkTokenSchema = z.string().regex(/^[\w-]{20,100}$/);

/** A commitment's slug, as a pledge's totals list it. */
export const commitmentSlugSchema = z.string().regex(/^[a-z0-9-]{1,64}$/);

/** The language of the page the button was on, so the 303 lands on that page in it. */
const locale = z.enum(LOCALES).optional().meta({
  description: "The page's language; else the Referer's path decides, else English.",
});

export const linkActionSchema = z.enum(["confirm", "withdraw", "unsubscribe"]);

export const supportKindSchema = z.enum(["petition", "pledge"]).default("petition");

/** POST /api/links/{confirm,withdraw}. */
export const linkFormSchema = z.object({ token: linkTokenSchema, kind: supportKindSchema, locale });

/** POST /api/links/fulfil. */
export const fulfilFormSchema = z.object({
  token: linkTokenSchema,
  commitment: commitmentSlugSchema,
  locale,
});

/** POST /api/links/unsubscribe: the token rides in the query (RFC 8058) or in the page's form. */
export const unsubscribeQuerySchema = z.object({ token: linkTokenSchema.optional() });

export const unsubscribeFormSchema = z.object({
  "List-Unsubscribe": z.literal("One-Click").optional().meta({ description: "As a mail program sends it." }),
  token: linkTokenSchema.optional(),
  from: z
    .literal("page")
    .optional()
    .meta({ description: "Sent by the /unsubscribe page's button: answered 303 back to it." }),
  locale,
});

/** A comment's id, as `recentSigners[].commentId` gives it. */
export const commentIdSchema = z.guid();

/** POST /api/comments/{id}/reports from the page without JavaScript. */
export const reportFormSchema = z.object({
  petition: z
    .string()
    .regex(/^[\w-]{1,100}$/)
    .optional()
    .meta({ description: "The petition's slug, for the page the 303 leads to." }),
});

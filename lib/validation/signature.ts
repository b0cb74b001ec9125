import * as z from "zod/mini";
import { COUNTRY_CODES } from "@/lib/domain/countries";
import {
  COMMENT_MAX,
  commentLength,
  EMAIL_MAX,
  NAME_MAX,
  POSTAL_CODE_MAX,
  POSTCODE_PATTERNS,
  requiresPostalCode,
  SUPPORTER_FIELD_NAMES,
} from "./supporter-rules";
import { isCleanLine, isCleanParagraphs } from "./text";

// One schema for the petition form (and the fields the pledge shares with it), in the browser
// and again on the server. Each message is a key into `validation` in messages/*.json, put into
// the reader's words by whoever shows it (./messages.ts); parse with PARSE_OPTIONS, so that a
// check without a message of its own gives a key too. Values are checked as typed, and
// normalised on the server afterwards (lib/validation/text.ts, from lib/signing/supporting.ts).
//
// Written with zod/mini, the same engine as `zod` in functions rather than methods, so that a
// browser downloads only the checks used here; the forms load this module when someone starts
// filling them in (components/forms/lazy-resolver.ts).

export { COMMENT_MAX, commentLength, requiresPostalCode };

// A name that starts like a spreadsheet formula, or carries a link, is spam or an attack on
// whoever opens the export.
const startsLikeFormula = (value: string) => /^[=+\-@\t\r]/.test(value.trim());
const containsUrl = (value: string) =>
  /(https?:\/\/|www\.|\b[a-z0-9-]+\.(com|net|org|io|ru|cn|info|biz|xyz|top)\b)/i.test(value);
const emailAddress = z.email();

const name = (field: "firstName" | "lastName") =>
  z.string({ error: `${field}.required` }).check(
    z.maxLength(NAME_MAX, `${field}.tooLong`),
    z.refine((value) => value.trim().length > 0, `${field}.required`),
    z.refine(isCleanLine, `${field}.refused`),
    z.refine((value) => !startsLikeFormula(value), `${field}.formula`),
    z.refine((value) => !containsUrl(value), `${field}.webAddress`),
  );

/** Who a supporter is, and the consent they give: shared by the petition and the pledge. */
export const supporterFields = (action: "sign" | "pledge") => ({
  firstName: name("firstName"),
  lastName: name("lastName"),
  email: z.string({ error: "email.required" }).check(
    z.maxLength(EMAIL_MAX, "email.tooLong"),
    z.refine((value) => emailAddress.safeParse(value.trim()).success, "email.format"),
  ),
  country: z.enum(COUNTRY_CODES, { error: "country.required" }),
  postalCode: z.optional(
    z
      .string({ error: "postalCode.required" })
      .check(z.maxLength(POSTAL_CODE_MAX, "postalCode.tooLong"), z.refine(isCleanLine, "postalCode.refused")),
  ),
  // Both choices are off unless the supporter turns them on.
  isPublic: z.optional(z.boolean({ error: "isPublic.required" })),
  wantsUpdates: z.optional(z.boolean({ error: "wantsUpdates.required" })),
  acceptsPrivacy: z.literal(true, { error: `acceptsPrivacy.${action}` }),
});
SUPPORTER_FIELD_NAMES satisfies readonly (keyof ReturnType<typeof supporterFields>)[];

/** Adds the check of the postal code's format in the countries that have one we know. */
export function withPostalCodeRule<T extends z.ZodMiniObject<ReturnType<typeof supporterFields>>>(
  schema: T,
): T {
  return schema.check(
    z.superRefine(
      (input: z.infer<T>, ctx) => {
        const pattern = POSTCODE_PATTERNS.get(input.country);
        const postalCode = (input.postalCode ?? "").trim();
        if (pattern && !pattern.test(postalCode)) {
          ctx.addIssue({ code: "custom", path: ["postalCode"], message: `postalCode.${input.country}` });
        }
      },
      // Check the postal code even while other fields are wrong, so every mistake shows at once.
      {
        when: ({ value }) => {
          const input = value as { country?: unknown; postalCode?: unknown };
          return (
            typeof input?.country === "string" &&
            (input.postalCode === undefined || typeof input.postalCode === "string")
          );
        },
      },
    ),
  );
}

export const signatureSchema = withPostalCodeRule(
  z.object({
    ...supporterFields("sign"),
    comment: z.optional(
      z.string({ error: "comment.text" }).check(
        z.refine((value) => commentLength(value) <= COMMENT_MAX, "comment.tooLong"),
        z.refine(isCleanParagraphs, "comment.refused"),
      ),
    ),
  }),
);

export type SignatureInput = z.infer<typeof signatureSchema>;
export type SupporterInput = z.infer<z.ZodMiniObject<ReturnType<typeof supporterFields>>>;

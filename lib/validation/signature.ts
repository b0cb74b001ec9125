import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";
import { COUNTRY_CODES } from "@/lib/domain/countries";
import {
  COMMENT_MAX,
  commentLength,
  NAME_MAX,
  POSTCODE_PATTERNS,
  requiresPostalCode,
  SUPPORTER_FIELD_NAMES,
} from "./supporter-rules";
import { isCleanLine, isCleanParagraphs } from "./text";

// One schema for the petition form (and the fields the pledge shares with it), in the browser
// and again on the server. Messages are
// written for people; values are checked as typed, and normalised on the server afterwards
// (lib/validation/text.ts, from lib/signing/supporting.ts).
//
// Written with zod/mini, the same engine as `zod` in functions rather than methods, so that a
// browser downloads only the checks used here; the forms load this module when someone starts
// filling them in (components/forms/lazy-resolver.ts). Messages nobody wrote here (an item of a
// list that is not text, sent to the API) are English, as `zod` gives them, wherever this runs.
z.config(en());

export { COMMENT_MAX, commentLength, requiresPostalCode };

// A name that starts like a spreadsheet formula, or carries a link, is spam or an attack on
// whoever opens the export.
const startsLikeFormula = (value: string) => /^[=+\-@\t\r]/.test(value.trim());
const containsUrl = (value: string) =>
  /(https?:\/\/|www\.|\b[a-z0-9-]+\.(com|net|org|io|ru|cn|info|biz|xyz|top)\b)/i.test(value);
const emailAddress = z.email();

const name = (label: string) =>
  z.string({ error: `Enter your ${label}` }).check(
    z.maxLength(NAME_MAX, `Keep your ${label} to ${NAME_MAX} characters or fewer`),
    z.refine((value) => value.trim().length > 0, `Enter your ${label}`),
    z.refine(isCleanLine, `Your ${label} contains characters we cannot accept`),
    z.refine((value) => !startsLikeFormula(value), `Your ${label} cannot start with = + - or @`),
    z.refine((value) => !containsUrl(value), `Your ${label} cannot contain a web address`),
  );

/** Who a supporter is, and the consent they give: shared by the petition and the pledge. */
export const supporterFields = (action: string) => ({
  firstName: name("first name"),
  lastName: name("last name"),
  email: z.string({ error: "Enter your email address" }).check(
    z.maxLength(254, "Enter an email address of 254 characters or fewer"),
    z.refine(
      (value) => emailAddress.safeParse(value.trim()).success,
      "Enter an email address like name@example.com",
    ),
  ),
  country: z.enum(COUNTRY_CODES, { error: "Choose your country" }),
  postalCode: z.optional(
    z
      .string({ error: "Enter your postal code" })
      .check(
        z.maxLength(16, "Enter a postal code of 16 characters or fewer"),
        z.refine(isCleanLine, "Your postal code contains characters we cannot accept"),
      ),
  ),
  // Both choices are off unless the supporter turns them on.
  isPublic: z.optional(z.boolean({ error: "Choose whether to show your name" })),
  wantsUpdates: z.optional(z.boolean({ error: "Choose whether to hear about this campaign" })),
  acceptsPrivacy: z.literal(true, { error: `Agree to the privacy notice to ${action}` }),
});
SUPPORTER_FIELD_NAMES satisfies readonly (keyof ReturnType<typeof supporterFields>)[];

/** Adds the check of the postal code's format in the countries that have one we know. */
export function withPostalCodeRule<T extends z.ZodMiniObject<ReturnType<typeof supporterFields>>>(
  schema: T,
): T {
  return schema.check(
    z.superRefine(
      (input: z.infer<T>, ctx) => {
        const rule = POSTCODE_PATTERNS.get(input.country);
        const postalCode = (input.postalCode ?? "").trim();
        if (rule && !rule.pattern.test(postalCode)) {
          ctx.addIssue({ code: "custom", path: ["postalCode"], message: rule.message });
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
      z.string({ error: "Your comment must be text" }).check(
        z.refine(
          (value) => commentLength(value) <= COMMENT_MAX,
          `Keep your comment to ${COMMENT_MAX} characters or fewer`,
        ),
        z.refine(isCleanParagraphs, "Your comment contains characters we cannot accept"),
      ),
    ),
  }),
);

export type SignatureInput = z.infer<typeof signatureSchema>;
export type SupporterInput = z.infer<z.ZodMiniObject<ReturnType<typeof supporterFields>>>;

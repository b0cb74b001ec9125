import { z } from "zod";
import { COUNTRY_CODES } from "@/lib/domain/countries";
import { isCleanLine, isCleanParagraphs } from "./text";

// One schema for the petition form (and the fields the pledge shares with it), in the browser
// and again on the server. Messages are
// written for people; values are checked as typed, and normalised on the server afterwards
// (lib/validation/text.ts, from lib/signing/supporting.ts).

export const COMMENT_MAX = 500;
/**
 * A comment's length as its limit counts it: a line break is one character, whether the browser
 * sends it as LF or, in a form post, CRLF (it is stored as LF). The counter beside the box shows the same.
 */
export const commentLength = (value: string) => value.replace(/\r\n?/g, "\n").length;
const NAME_MAX = 80;

// A Map, not an object: the country comes from the request, and "__proto__" or "toString" must
// find nothing rather than something inherited.
const POSTCODE_PATTERNS = new Map<string, { pattern: RegExp; message: string }>([
  ["US", { pattern: /^\d{5}(-\d{4})?$/, message: "Enter a 5-digit ZIP code, like 20500" }],
  ["GB", { pattern: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i, message: "Enter a UK postcode, like SW1A 1AA" }],
  [
    "CA",
    {
      pattern: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/i,
      message: "Enter a Canadian postal code, like K1A 0B1",
    },
  ],
]);
// A name that starts like a spreadsheet formula, or carries a link, is spam or an attack on
// whoever opens the export.
const startsLikeFormula = (value: string) => /^[=+\-@\t\r]/.test(value.trim());
const containsUrl = (value: string) =>
  /(https?:\/\/|www\.|\b[a-z0-9-]+\.(com|net|org|io|ru|cn|info|biz|xyz|top)\b)/i.test(value);

const name = (label: string) =>
  z
    .string({ error: `Enter your ${label}` })
    .max(NAME_MAX, `Keep your ${label} to ${NAME_MAX} characters or fewer`)
    .refine((value) => value.trim().length > 0, `Enter your ${label}`)
    .refine(isCleanLine, `Your ${label} contains characters we cannot accept`)
    .refine((value) => !startsLikeFormula(value), `Your ${label} cannot start with = + - or @`)
    .refine((value) => !containsUrl(value), `Your ${label} cannot contain a web address`);

/** Who a supporter is, and the consent they give: shared by the petition and the pledge. */
export const supporterFields = (action: string) => ({
  firstName: name("first name"),
  lastName: name("last name"),
  email: z
    .string({ error: "Enter your email address" })
    .max(254, "Enter an email address of 254 characters or fewer")
    .refine(
      (value) => z.email().safeParse(value.trim()).success,
      "Enter an email address like name@example.com",
    ),
  country: z.enum(COUNTRY_CODES, { error: "Choose your country" }),
  postalCode: z
    .string({ error: "Enter your postal code" })
    .max(16, "Enter a postal code of 16 characters or fewer")
    .refine(isCleanLine, "Your postal code contains characters we cannot accept")
    .optional(),
  // Both choices are off unless the supporter turns them on.
  isPublic: z.boolean({ error: "Choose whether to show your name" }).optional(),
  wantsUpdates: z.boolean({ error: "Choose whether to hear about this campaign" }).optional(),
  acceptsPrivacy: z.literal(true, { error: `Agree to the privacy notice to ${action}` }),
});

/** Adds the check of the postal code's format in the countries that have one we know. */
export function withPostalCodeRule<T extends z.ZodObject<ReturnType<typeof supporterFields>>>(schema: T): T {
  return schema.superRefine(
    (input, ctx) => {
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
  );
}

export const signatureSchema = withPostalCodeRule(
  z.object({
    ...supporterFields("sign"),
    comment: z
      .string({ error: "Your comment must be text" })
      .refine(
        (value) => commentLength(value) <= COMMENT_MAX,
        `Keep your comment to ${COMMENT_MAX} characters or fewer`,
      )
      .refine(isCleanParagraphs, "Your comment contains characters we cannot accept")
      .optional(),
  }),
);

export type SignatureInput = z.infer<typeof signatureSchema>;
export type SupporterInput = z.infer<z.ZodObject<ReturnType<typeof supporterFields>>>;

/** Does this country have a postal code format the form checks (and so requires)? */
export function requiresPostalCode(country: string): boolean {
  return POSTCODE_PATTERNS.has(country);
}

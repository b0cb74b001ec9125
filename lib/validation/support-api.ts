import * as z from "zod/mini";
import { apiLanguageOf, PREFERRED_LANGUAGE_MAX_LENGTH } from "@/lib/domain/preferred-language";
import { pledgeSchema } from "./pledge";
import { signatureSchema } from "./signature";

// The JSON bodies of POST /api/petitions/{slug}/signatures and /api/pledges/{slug}/takers
// (docs/API.md): the forms' schemas, with what only the API takes. The handler
// (lib/api/support-request.ts) checks `preferred_language` with this schema, the rest with the
// forms' own schemas once an OSDI body is mapped onto the form's fields (lib/signing/osdi.ts);
// the OpenAPI document (lib/openapi) is generated from these.

/** OSDI's `preferred_language`: an RFC 5646 tag; absent, null or "" means English. */
export const preferredLanguageSchema = z.optional(
  z.nullable(
    z.string().check(
      z.maxLength(PREFERRED_LANGUAGE_MAX_LENGTH),
      z.refine((value) => apiLanguageOf(value) !== null, "preferredLanguage"),
    ),
  ),
);

export const signatureRequestSchema = z.object({
  ...signatureSchema.shape,
  preferred_language: preferredLanguageSchema,
});

export const pledgeRequestSchema = z.object({
  ...pledgeSchema.shape,
  preferred_language: preferredLanguageSchema,
});

/**
 * An OSDI record-signature-helper body, as Action Network sends it: how lib/signing/osdi.ts reads
 * it. Every field is optional here because a missing one is refused by the form's schema after
 * mapping, with the form's field name (`fieldErrors.email`), as for the form's shape.
 */
export const osdiSignatureRequestSchema = z.object({
  person: z.object({
    given_name: z.optional(signatureSchema.shape.firstName),
    family_name: z.optional(signatureSchema.shape.lastName),
    email_addresses: z.optional(
      z.array(
        z.object({
          address: z.optional(signatureSchema.shape.email),
          status: z.optional(z.string()),
        }),
      ),
    ),
    postal_addresses: z.optional(
      z.array(
        z.object({
          country: z.optional(z.string()),
          postal_code: z.optional(z.string()),
        }),
      ),
    ),
    preferred_language: preferredLanguageSchema,
  }),
  comments: signatureSchema.shape.comment,
  // website and url: the partner site and page that sent the signer; the page is kept as its
  // origin and path with only utm_*, source and ref of its query (lib/domain/referrer.ts).
  referrer_data: z.optional(
    z.object({
      source: z.optional(z.string()),
      referrer: z.optional(z.string()),
      website: z.optional(z.string()),
      url: z.optional(z.string()),
    }),
  ),
  isPublic: signatureSchema.shape.isPublic,
  acceptsPrivacy: signatureSchema.shape.acceptsPrivacy,
});

/**
 * The body of the OSDI record signature helper (lib/api/record-signature-helper.ts): either shape
 * above; from a key with a consent attestation, `acceptsPrivacy` may be left out (docs/API.md).
 */
export const recordSignatureHelperRequestSchema = z.union([
  signatureRequestSchema,
  z.object({
    ...osdiSignatureRequestSchema.shape,
    acceptsPrivacy: z.optional(signatureSchema.shape.acceptsPrivacy),
  }),
]);

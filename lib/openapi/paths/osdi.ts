import { z } from "zod";
import { recordSignatureHelperRequestSchema } from "@/lib/validation/support-api";
import { BODY_ERRORS, json, RETRY_AFTER, unavailable } from "../common";
import { operation, type PathFamily, type ResponseSpec } from "../operation";
import { acceptedSupportSchema, errorSchema, refusalSchema } from "../schemas";

// The endpoints partner systems call with an API key (docs/API.md, "API keys"), under /api/osdi/v1.

const petitionIdPath = z.object({ id: z.uuid().meta({ description: "The petition's id." }) });

/** The refusals every keyed endpoint shares (lib/api-keys/authenticate.ts). */
export const keyRefusals = (scope: string): Record<number, ResponseSpec> => ({
  401: {
    description: "No OSDI-API-Token header, or a key that is unknown or revoked.",
    headers: { "WWW-Authenticate": 'OSDI-API-Token realm="upstand"' },
    content: json(errorSchema),
  },
  403: { description: `The key lacks the ${scope} scope.`, content: json(errorSchema) },
  429: {
    description: "More calls with this key than FLOOD_LIMIT_API_KEYS allows; wait Retry-After seconds.",
    headers: RETRY_AFTER,
    content: json(errorSchema),
  },
});

export const osdiPaths: PathFamily = {
  "/api/osdi/v1/petitions/{id}/signatures/record_signature_helper": {
    post: operation({
      summary: "Record a signature (OSDI record signature helper)",
      description:
        "The public signing API's bodies, rules and answers, for a key allowed write:signatures. " +
        "From a key with a consent attestation, acceptsPrivacy may be left out and the signature " +
        "records the key and the partner's privacy notice. Sending a key in the address is refused with 400.",
      tags: ["osdi"],
      security: "OSDI-API-Token",
      path: petitionIdPath,
      body: {
        "application/json": recordSignatureHelperRequestSchema,
        "application/hal+json": recordSignatureHelperRequestSchema,
      },
      responses: {
        202: {
          description: "Accepted; it counts once its owner confirms it from the email.",
          content: json(acceptedSupportSchema),
        },
        400: {
          description:
            "A field is invalid, the body is not one JSON object, or a key was sent in the address; nothing was stored.",
          content: json(refusalSchema.or(errorSchema)),
        },
        404: { description: "No petition has this id.", content: json(refusalSchema) },
        410: { description: "The petition is closed.", content: json(refusalSchema) },
        ...BODY_ERRORS,
        ...keyRefusals("write:signatures"),
        503: unavailable(json(refusalSchema)),
      },
    }),
  },
};

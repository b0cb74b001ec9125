import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "@/lib/domain/webhooks";
import { webhookEndpointIdSchema, webhookEndpointSchema } from "@/lib/validation/webhooks";
import { BODY_ERRORS, json, RETRY_AFTER } from "../common";
import { operation, type PathFamily, type ResponseSpec } from "../operation";
import { errorSchema } from "../schemas";
import { keyRefusals } from "./osdi";

// Webhook endpoints managed by a partner system with a key allowed `webhooks` (docs/API.md,
// "Managing endpoints with a key"); lib/api/webhooks-request.ts answers them.

/** An endpoint as the API shows it (lib/api/webhooks-request.ts `shown`): never its secret. */
export const webhookEndpointAnswerSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string().nullable(),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
  created_by: z.string(),
  created_date: z.iso.datetime(),
  status: z.enum(["active", "disabled"]),
  disabled_date: z.iso.datetime().nullable(),
  disabled_reason: z.string().nullable(),
  last_success_date: z.iso.datetime().nullable(),
});

const fieldRefusalSchema = z.object({
  error: z.string(),
  fieldErrors: z.record(z.string(), z.array(z.string())),
});

const flooded: ResponseSpec = {
  description:
    "Over the per-address limit (FLOOD_LIMIT_WEBHOOKS_API) or the key's (FLOOD_LIMIT_API_KEY); wait Retry-After seconds.",
  headers: RETRY_AFTER,
  content: json(errorSchema),
};

const refusals = { ...keyRefusals("webhooks"), 429: flooded };

export const webhookPaths: PathFamily = {
  "/api/webhooks": {
    get: operation({
      summary: "List webhook endpoints",
      tags: ["webhooks"],
      security: "OSDI-API-Token",
      responses: {
        200: {
          description: "Every endpoint, newest first.",
          content: json(z.object({ endpoints: z.array(webhookEndpointAnswerSchema) })),
        },
        400: { description: "A key sent in the address.", content: json(errorSchema) },
        ...refusals,
      },
    }),
    post: operation({
      summary: "Register a webhook endpoint",
      description:
        "The answer holds the endpoint's whsec_ secret, once. The address must be https and must not lead " +
        "to a private, loopback or link-local address (checked again before every delivery).",
      tags: ["webhooks"],
      security: "OSDI-API-Token",
      body: json(webhookEndpointSchema),
      responses: {
        201: {
          description: "Registered.",
          content: json(webhookEndpointAnswerSchema.extend({ secret: z.string().startsWith("whsec_") })),
        },
        400: {
          description: "A field is invalid, or the address is refused; nothing was stored.",
          content: json(fieldRefusalSchema.or(errorSchema)),
        },
        ...BODY_ERRORS,
        ...refusals,
      },
    }),
  },
  "/api/webhooks/{id}": {
    delete: operation({
      summary: "Delete a webhook endpoint and its deliveries",
      tags: ["webhooks"],
      security: "OSDI-API-Token",
      path: webhookEndpointIdSchema,
      responses: {
        204: { description: "Deleted." },
        400: { description: "A key sent in the address.", content: json(errorSchema) },
        404: { description: "No such endpoint.", content: json(errorSchema) },
        ...refusals,
      },
    }),
  },
};

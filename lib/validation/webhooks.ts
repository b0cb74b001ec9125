import { z } from "zod";
import { isCleanLine } from "./text";
import {
  MAX_WEBHOOK_DESCRIPTION_LENGTH,
  MAX_WEBHOOK_URL_LENGTH,
  WEBHOOK_EVENT_TYPES,
} from "@/lib/domain/webhooks";

/**
 * A new endpoint, from the console's form and from POST /api/webhooks alike. Only the address's
 * form is checked here; where it leads (https in production, no private network) is checked on
 * the server, which resolves it (lib/webhooks/ssrf.ts).
 */
export const webhookEndpointSchema = z.object({
  url: z
    .string({ error: "Enter the endpoint's address" })
    .refine((value) => value.trim().length > 0, "Enter the endpoint's address, starting with https://")
    .refine(
      (value) => value.trim().length <= MAX_WEBHOOK_URL_LENGTH,
      `Use at most ${MAX_WEBHOOK_URL_LENGTH} characters`,
    )
    .refine(
      (value) => /^https?:\/\/[^\s]+$/i.test(value.trim()),
      "Enter a full address, starting with https://",
    ),
  description: z
    .string({ error: "Describe the endpoint in words" })
    .max(MAX_WEBHOOK_DESCRIPTION_LENGTH, `Use at most ${MAX_WEBHOOK_DESCRIPTION_LENGTH} characters`)
    .refine(isCleanLine, "Use letters, numbers and punctuation on one line")
    .optional(),
  events: z
    .array(z.enum(WEBHOOK_EVENT_TYPES, { error: "Choose from the events listed" }), {
      error: "Choose the events to send",
    })
    .min(1, "Choose at least one event to send"),
});
export type WebhookEndpointInput = z.infer<typeof webhookEndpointSchema>;

/** One endpoint, named by its id (enable, delete, send a test event). */
export const webhookEndpointIdSchema = z.object({ id: z.uuid({ error: "There is no such endpoint" }) });

/** One delivery to send again. */
export const webhookDeliveryIdSchema = z.object({ id: z.uuid({ error: "There is no such delivery" }) });

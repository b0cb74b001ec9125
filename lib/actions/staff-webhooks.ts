"use server";

import { revalidatePath } from "next/cache";
import {
  deleteWebhookEndpoint,
  enableWebhookEndpoint,
  insertTestDelivery,
  replayDelivery,
} from "@/db/queries/webhooks";
import type { ActionResult } from "@/lib/action-result";
import { attempt } from "@/lib/actions/staff-action";
import { requireStaffCaller } from "@/lib/auth/staff";
import { kickWebhooks } from "@/lib/jobs/webhook-worker";
import { formInput } from "@/lib/signing/form-submission";
import { fieldErrorsOf } from "@/lib/signing/supporting";
import {
  webhookDeliveryIdSchema,
  webhookEndpointIdSchema,
  webhookEndpointSchema,
} from "@/lib/validation/webhooks";
import { registerWebhookEndpoint } from "@/lib/webhooks/manage";

const PAGE = "/staff/webhooks";

/** What the console shows once after registering an endpoint: its secret, never again. */
export interface RegisteredWebhook {
  url: string;
  secret: string;
}

export async function registerWebhookAction(
  _previous: ActionResult<RegisteredWebhook> | null,
  formData: FormData,
): Promise<ActionResult<RegisteredWebhook>> {
  return attempt("register the endpoint", async () => {
    const caller = await requireStaffCaller("admin");
    const input = formInput(webhookEndpointSchema, formData);
    const parsed = webhookEndpointSchema.safeParse(input);
    if (!parsed.success)
      return {
        ok: false,
        fieldErrors: fieldErrorsOf(parsed.error),
        values: { url: input.url, description: input.description },
      };
    const made = await registerWebhookEndpoint({ staff: caller }, parsed.data);
    if (!made.ok)
      return {
        ok: false,
        fieldErrors: { url: [made.urlError] },
        values: { url: input.url, description: input.description },
      };
    revalidatePath(PAGE);
    return { ok: true, data: { url: made.endpoint.url, secret: made.secret } };
  });
}

/** The buttons on an endpoint or a delivery: each names its row by id. */
function rowAction(
  what: string,
  schema: typeof webhookEndpointIdSchema | typeof webhookDeliveryIdSchema,
  run: (caller: Awaited<ReturnType<typeof requireStaffCaller>>, id: string) => Promise<boolean>,
  refused: string,
) {
  return async (formData: FormData): Promise<ActionResult> =>
    attempt(what, async () => {
      const caller = await requireStaffCaller("admin");
      const parsed = schema.safeParse(formInput(schema, formData));
      if (!parsed.success || !(await run(caller, parsed.data.id))) return { ok: false, formError: refused };
      revalidatePath(PAGE);
      return { ok: true, data: undefined };
    });
}

const sendTest = rowAction(
  "send a test event",
  webhookEndpointIdSchema,
  async (caller, id) => {
    const queued = (await insertTestDelivery({ staff: caller }, id)) !== null;
    if (queued) kickWebhooks();
    return queued;
  },
  "This endpoint no longer exists.",
);
const replay = rowAction(
  "replay the delivery",
  webhookDeliveryIdSchema,
  async (caller, id) => {
    const replayed = (await replayDelivery({ staff: caller }, id)) !== null;
    if (replayed) kickWebhooks();
    return replayed;
  },
  "This delivery is still being tried, or no longer exists.",
);
const enable = rowAction(
  "enable the endpoint",
  webhookEndpointIdSchema,
  async (caller, id) => {
    const enabled = await enableWebhookEndpoint({ staff: caller }, id);
    if (enabled) kickWebhooks();
    return enabled;
  },
  "This endpoint is already enabled, or no longer exists.",
);
const remove = rowAction(
  "delete the endpoint",
  webhookEndpointIdSchema,
  (caller, id) => deleteWebhookEndpoint({ staff: caller }, id),
  "This endpoint no longer exists.",
);

export async function sendTestEventAction(_previous: ActionResult | null, formData: FormData) {
  return sendTest(formData);
}
export async function replayDeliveryAction(_previous: ActionResult | null, formData: FormData) {
  return replay(formData);
}
export async function enableWebhookAction(_previous: ActionResult | null, formData: FormData) {
  return enable(formData);
}
export async function deleteWebhookAction(_previous: ActionResult | null, formData: FormData) {
  return remove(formData);
}

import type { Metadata } from "next";
import Link from "next/link";
import { listWebhookDeliveries, listWebhookEndpoints } from "@/db/queries/webhooks";
import { requireStaff } from "@/lib/auth/staff";
import { WEBHOOK_DISABLED_WORDS, WEBHOOK_EVENT_TYPES, WEBHOOK_EVENT_WORDS } from "@/lib/domain/webhooks";
import { RegisterWebhookForm } from "./_components/register-webhook-form";
import { WebhookEndpoints } from "./_components/webhook-endpoints";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const caller = await requireStaff("admin");
  const manager = { staff: caller };
  const endpoints = await listWebhookEndpoints(manager);
  const withDeliveries = await Promise.all(
    endpoints.map(async (endpoint) => ({
      endpoint,
      deliveries: await listWebhookDeliveries(manager, endpoint.id),
    })),
  );
  const disabled = endpoints.filter((endpoint) => endpoint.disabledAt);
  return (
    <section aria-labelledby="webhooks-heading" className="space-y-6">
      <h1 id="webhooks-heading" className="font-serif text-3xl font-bold">
        Webhooks
      </h1>
      {disabled.length ? (
        <div
          role="status"
          className="rounded-xl border-2 border-error p-4"
          data-testid="webhooks-disabled-notice"
        >
          <p className="font-semibold">
            {disabled.length === 1 ? "One endpoint is disabled" : `${disabled.length} endpoints are disabled`}
            : events are no longer sent to {disabled.length === 1 ? "it" : "them"}.
          </p>
          <ul className="list-disc pl-6 text-sm">
            {disabled.map((endpoint) => (
              <li key={endpoint.id} className="break-all">
                {endpoint.url}:{" "}
                {endpoint.disabledReason ? WEBHOOK_DISABLED_WORDS[endpoint.disabledReason] : ""}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="max-w-prose">
        Upstand POSTs each event to the endpoints subscribed to it, signed as the{" "}
        <Link href="https://www.standardwebhooks.com/">Standard Webhooks</Link> specification says, and tries
        again for about three days while an endpoint fails. An endpoint that answers 410, or fails for that
        long, is disabled and the admins are emailed. The API documentation describes the events and how to
        verify them.
      </p>
      <WebhookEndpoints endpoints={withDeliveries} />
      <RegisterWebhookForm
        events={WEBHOOK_EVENT_TYPES.map((type) => ({ type, words: WEBHOOK_EVENT_WORDS[type] }))}
      />
    </section>
  );
}

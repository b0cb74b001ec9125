import type { WebhookDeliverySummary, WebhookEndpointSummary } from "@/db/queries/webhooks";
import { formatDateTime, STAFF_LOCALE } from "@/lib/domain/format";
import { WEBHOOK_DISABLED_WORDS, webhookMessageId } from "@/lib/domain/webhooks";
import { WebhookRowButton } from "./webhook-row-button";

// In UTC on a 24-hour clock, as the rest of the console shows moments.
const at = (moment: Date | null) =>
  moment
    ? `${formatDateTime(moment, STAFF_LOCALE, { dateStyle: "medium", timeStyle: "medium", hourCycle: "h23", timeZone: "UTC" })} UTC`
    : "never";

function deliveryStatus(delivery: WebhookDeliverySummary): string {
  const answered = delivery.lastStatus
    ? `answered ${delivery.lastStatus}`
    : (delivery.lastError ?? "no answer");
  if (delivery.deliveredAt) return `Delivered (${answered})`;
  if (delivery.failedAt) return `Failed (${answered})`;
  if (delivery.isSending) return `Sending (attempt ${delivery.attempts})`;
  if (delivery.attempts === 0) return "Waiting to be sent";
  return `Retrying (${answered}); next attempt ${at(delivery.nextAttemptAt)}`;
}

export interface EndpointWithDeliveries {
  endpoint: WebhookEndpointSummary;
  deliveries: WebhookDeliverySummary[];
}

export function WebhookEndpoints({ endpoints }: { endpoints: EndpointWithDeliveries[] }) {
  if (!endpoints.length) return <p data-testid="webhook-endpoints">No endpoints yet.</p>;
  return (
    <ul className="space-y-6" data-testid="webhook-endpoints">
      {endpoints.map(({ endpoint, deliveries }) => (
        <li
          key={endpoint.id}
          className="space-y-3 rounded-xl border border-line p-4"
          data-testid="webhook-endpoint"
        >
          <h2 className="font-mono text-base font-semibold break-all">{endpoint.url}</h2>
          {endpoint.description ? <p>{endpoint.description}</p> : null}
          <p className="text-sm">
            Events: <span className="font-mono">{endpoint.events.join(", ")}</span>
          </p>
          <p className="text-sm" data-testid="webhook-endpoint-status">
            {endpoint.disabledAt
              ? `Disabled ${at(endpoint.disabledAt)}: ${endpoint.disabledReason ? WEBHOOK_DISABLED_WORDS[endpoint.disabledReason] : "unknown reason"}.`
              : `Active. Last delivered ${at(endpoint.lastSuccessAt)}.`}{" "}
            Registered by {endpoint.createdBy} {at(endpoint.createdAt)}.
          </p>
          <div className="flex flex-wrap gap-3">
            <WebhookRowButton
              kind="test"
              id={endpoint.id}
              label="Send test event"
              accessibleName={`Send test event to ${endpoint.url}`}
            />
            {endpoint.disabledAt ? (
              <WebhookRowButton
                kind="enable"
                id={endpoint.id}
                label="Enable again"
                accessibleName={`Enable ${endpoint.url} again`}
              />
            ) : null}
            <WebhookRowButton
              kind="delete"
              id={endpoint.id}
              label="Delete"
              accessibleName={`Delete ${endpoint.url}`}
            />
          </div>
          {deliveries.length ? (
            <table
              className="table-to-list w-full border-collapse text-left text-sm"
              data-testid="webhook-deliveries"
            >
              <caption className="text-left font-semibold">Recent deliveries</caption>
              <thead>
                <tr className="border-b border-line">
                  <th scope="col" className="py-2">
                    Event
                  </th>
                  <th scope="col" className="py-2">
                    Message
                  </th>
                  <th scope="col" className="py-2">
                    Status
                  </th>
                  <th scope="col" className="py-2">
                    Attempts
                  </th>
                  <th scope="col" className="py-2">
                    Last attempt
                  </th>
                  <th scope="col" className="py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {deliveries.map((delivery) => (
                  <tr
                    key={delivery.id}
                    className="border-b border-line align-top"
                    data-testid="webhook-delivery"
                  >
                    <td className="py-2 font-mono">{delivery.type}</td>
                    <td className="py-2 font-mono break-all">{webhookMessageId(delivery.id)}</td>
                    <td className="py-2">{deliveryStatus(delivery)}</td>
                    <td className="py-2">{delivery.attempts}</td>
                    <td className="py-2">{at(delivery.lastAttemptAt)}</td>
                    <td className="py-2">
                      {/* Always there, so that what became of a press stays said while the row changes;
                          a message still being tried is refused with a word why. */}
                      <WebhookRowButton
                        kind="replay"
                        id={delivery.id}
                        label="Replay"
                        accessibleName={`Replay ${webhookMessageId(delivery.id)}`}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="text-sm">Nothing sent yet.</p>
          )}
        </li>
      ))}
    </ul>
  );
}

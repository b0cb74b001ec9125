"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { CheckboxGroup } from "@/components/forms/checkbox-group";
import { Field, INPUT_CLASS } from "@/components/forms/field";
import { ShownOnceSecret } from "@/components/forms/shown-once-secret";
import { useActionForm } from "@/components/forms/use-action-form";
import { registerWebhookAction, type RegisteredWebhook } from "@/lib/actions/staff-webhooks";
import type { WebhookEventType } from "@/lib/domain/webhooks";
import { webhookEndpointSchema, type WebhookEndpointInput } from "@/lib/validation/webhooks";

export interface RegisterWebhookFormProps {
  events: { type: WebhookEventType; words: string }[];
}

export function RegisterWebhookForm({ events }: RegisterWebhookFormProps) {
  const { formRef, formAction, onSubmit, result, isPending, error, formError, field, form } = useActionForm<
    WebhookEndpointInput,
    RegisteredWebhook
  >({
    resolver: zodResolver(webhookEndpointSchema),
    action: registerWebhookAction,
    defaultValues: { url: "", description: "", events: [] },
  });
  return (
    <div className="max-w-xl space-y-4">
      {result?.ok ? <NewSecret made={result.data} /> : null}
      <form
        ref={formRef}
        action={formAction}
        onSubmit={onSubmit}
        noValidate
        className="space-y-4 rounded-xl border border-line p-4"
        aria-labelledby="new-webhook-heading"
      >
        <h2 id="new-webhook-heading" className="font-serif text-xl font-semibold">
          Register an endpoint
        </h2>
        <div aria-live="polite" data-testid="new-webhook-status">
          {formError ? <p className="font-semibold text-error">{formError}</p> : null}
        </div>
        <Field
          id="webhook-url"
          label="Endpoint URL"
          hint="An https:// address on the public internet, where the receiving system listens"
          error={error("url")}
        >
          {(describedBy, invalid) => (
            <input
              id="webhook-url"
              type="url"
              autoComplete="off"
              className={INPUT_CLASS}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              {...field("url")}
            />
          )}
        </Field>
        <Field
          id="webhook-description"
          label="Description"
          hint="Optional: the system that receives it"
          error={error("description")}
        >
          {(describedBy, invalid) => (
            <input
              id="webhook-description"
              type="text"
              autoComplete="off"
              className={INPUT_CLASS}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              {...field("description")}
            />
          )}
        </Field>
        <CheckboxGroup
          idPrefix="webhook-event"
          legend="Events to send"
          options={events.map(({ type, words }) => ({ value: type, words }))}
          registration={form.register("events")}
          error={error("events")}
        />
        <button type="submit" className="button-primary" disabled={isPending}>
          {isPending ? "Registering…" : "Register the endpoint"}
        </button>
      </form>
    </div>
  );
}

/** The signing secret, once. */
function NewSecret({ made }: { made: RegisteredWebhook }) {
  return (
    <ShownOnceSecret
      id="made-webhook"
      testId="made-webhook"
      heading="Endpoint registered"
      label="Signing secret"
      noun="secret"
      value={made.secret}
    >
      <p className="break-all text-sm">{made.url}</p>
      <p className="text-sm">
        The receiving system verifies each delivery with it (Standard Webhooks). If it is lost, delete the
        endpoint and register it again.
      </p>
    </ShownOnceSecret>
  );
}

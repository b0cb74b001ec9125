"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Field, INPUT_CLASS } from "@/components/forms/field";
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
  const eventsError = error("events");
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
        <fieldset
          className="space-y-2"
          aria-describedby={eventsError ? "webhook-events-error" : undefined}
          aria-invalid={eventsError ? true : undefined}
        >
          <legend className="font-semibold">Events to send</legend>
          {events.map(({ type, words }) => (
            <div key={type} className="flex items-start gap-3">
              <input
                id={`webhook-event-${type}`}
                type="checkbox"
                value={type}
                className="mt-1 size-5 shrink-0 accent-accent"
                {...form.register("events")}
              />
              <label htmlFor={`webhook-event-${type}`}>
                {words} <code className="text-sm text-muted">{type}</code>
              </label>
            </div>
          ))}
          {eventsError ? (
            <p id="webhook-events-error" className="text-sm font-semibold text-error">
              {eventsError}
            </p>
          ) : null}
        </fieldset>
        <button type="submit" className="button-primary" disabled={isPending}>
          {isPending ? "Registering…" : "Register the endpoint"}
        </button>
      </form>
    </div>
  );
}

/** The signing secret, once: in a field that selects whole. */
function NewSecret({ made }: { made: RegisteredWebhook }) {
  return (
    <section
      aria-labelledby="made-webhook-heading"
      className="space-y-3 rounded-xl border-2 border-accent p-4"
      data-testid="made-webhook"
    >
      <h2 id="made-webhook-heading" className="font-serif text-xl font-semibold">
        Endpoint registered
      </h2>
      <p className="break-all text-sm">{made.url}</p>
      <p className="font-semibold">Copy its signing secret now: you will not see it again.</p>
      <p className="text-sm">
        The receiving system verifies each delivery with it (Standard Webhooks). If it is lost, delete the
        endpoint and register it again.
      </p>
      <Field id="made-webhook-secret" label="Signing secret" error={undefined}>
        {() => (
          <input
            id="made-webhook-secret"
            type="text"
            readOnly
            value={made.secret}
            onFocus={(event) => event.currentTarget.select()}
            className={`${INPUT_CLASS} font-mono text-sm`}
            spellCheck={false}
          />
        )}
      </Field>
    </section>
  );
}

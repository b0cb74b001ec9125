"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { CheckboxGroup } from "@/components/forms/checkbox-group";
import { Field, INPUT_CLASS } from "@/components/forms/field";
import { ShownOnceSecret } from "@/components/forms/shown-once-secret";
import { useActionForm } from "@/components/forms/use-action-form";
import { createApiKeyAction, type MadeApiKey } from "@/lib/actions/staff-api-keys";
import type { ApiKeyScope } from "@/lib/domain/api-keys";
import { apiKeySchema, type ApiKeyInput } from "@/lib/validation/api-keys";

export interface CreateApiKeyFormProps {
  scopes: { scope: ApiKeyScope; words: string }[];
}

export function CreateApiKeyForm({ scopes }: CreateApiKeyFormProps) {
  const { formRef, formAction, onSubmit, result, isPending, error, formError, field, form } = useActionForm<
    ApiKeyInput,
    MadeApiKey
  >({
    resolver: zodResolver(apiKeySchema),
    action: createApiKeyAction,
    defaultValues: { name: "", scopes: [], consentNotice: "", attestsConsent: false },
  });
  return (
    <div className="max-w-xl space-y-4">
      {result?.ok ? <NewKey made={result.data} /> : null}
      <form
        ref={formRef}
        action={formAction}
        onSubmit={onSubmit}
        noValidate
        className="space-y-4 rounded-xl border border-line p-4"
        aria-labelledby="new-key-heading"
      >
        <h2 id="new-key-heading" className="font-serif text-xl font-semibold">
          Make a key
        </h2>
        <div aria-live="polite" data-testid="new-key-status">
          {formError ? <p className="font-semibold text-error">{formError}</p> : null}
        </div>
        <Field
          id="api-key-name"
          label="Name"
          hint="The system that will use it, so that you know which key to revoke"
          error={error("name")}
        >
          {(describedBy, invalid) => (
            <input
              id="api-key-name"
              type="text"
              autoComplete="off"
              className={INPUT_CLASS}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              {...field("name")}
            />
          )}
        </Field>
        <CheckboxGroup
          idPrefix="api-key-scope"
          legend="What it may do"
          options={scopes.map(({ scope, words }) => ({ value: scope, words }))}
          registration={form.register("scopes")}
          error={error("scopes")}
        />
        <fieldset className="space-y-3">
          <legend className="font-semibold">Consent, for a key that records signatures</legend>
          <p className="text-sm text-muted">
            Upstand&rsquo;s own form asks each signer to agree to its privacy notice. A partner&rsquo;s OSDI
            system does not send that agreement. If the partner&rsquo;s form shows its own privacy notice and
            asks for agreement, name the notice here: signatures this key records are then stored with a
            consent record naming the key and the notice. Leave it empty, and each signature it sends must
            carry <code>acceptsPrivacy: true</code>.
          </p>
          <Field
            id="api-key-consent-notice"
            label="Address of the partner's privacy notice (optional)"
            error={error("consentNotice")}
          >
            {(describedBy, invalid) => (
              <input
                id="api-key-consent-notice"
                type="url"
                inputMode="url"
                autoComplete="off"
                placeholder="https://"
                className={INPUT_CLASS}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                {...field("consentNotice")}
              />
            )}
          </Field>
          <div className="flex items-start gap-3">
            <input
              id="api-key-attests-consent"
              type="checkbox"
              className="mt-1 size-5 shrink-0 accent-accent"
              aria-describedby={error("attestsConsent") ? "api-key-attests-consent-error" : undefined}
              aria-invalid={error("attestsConsent") ? true : undefined}
              {...form.register("attestsConsent")}
            />
            <label htmlFor="api-key-attests-consent">
              I confirm the partner&rsquo;s form shows this notice and asks supporters to agree to it
            </label>
          </div>
          {error("attestsConsent") ? (
            <p id="api-key-attests-consent-error" className="text-sm font-semibold text-error">
              {error("attestsConsent")}
            </p>
          ) : null}
        </fieldset>
        <button type="submit" className="button-primary" disabled={isPending}>
          {isPending ? "Making…" : "Make the key"}
        </button>
      </form>
    </div>
  );
}

/** The key, once. */
function NewKey({ made }: { made: MadeApiKey }) {
  return (
    <ShownOnceSecret
      id="made-key"
      testId="made-key"
      heading={<>Your new key “{made.name}”</>}
      label="API key"
      noun="key"
      value={made.key}
    >
      <p className="text-sm">
        Upstand keeps only a fingerprint of it. If it is lost, revoke it and make another.
      </p>
    </ShownOnceSecret>
  );
}

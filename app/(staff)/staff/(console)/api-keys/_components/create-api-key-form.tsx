"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { Field, INPUT_CLASS } from "@/components/forms/field";
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
  const scopesError = error("scopes");
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
        <fieldset
          className="space-y-2"
          aria-describedby={scopesError ? "api-key-scopes-error" : undefined}
          aria-invalid={scopesError ? true : undefined}
        >
          <legend className="font-semibold">What it may do</legend>
          {scopes.map(({ scope, words }) => (
            <div key={scope} className="flex items-start gap-3">
              <input
                id={`api-key-scope-${scope}`}
                type="checkbox"
                value={scope}
                className="mt-1 size-5 shrink-0 accent-accent"
                {...form.register("scopes")}
              />
              <label htmlFor={`api-key-scope-${scope}`}>
                {words} <code className="text-sm text-muted">{scope}</code>
              </label>
            </div>
          ))}
          {scopesError ? (
            <p id="api-key-scopes-error" className="text-sm font-semibold text-error">
              {scopesError}
            </p>
          ) : null}
        </fieldset>
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

/** The key, once: in a field that selects whole, with a button that copies it. */
function NewKey({ made }: { made: MadeApiKey }) {
  const [isCopied, setIsCopied] = useState(false);
  return (
    <section
      aria-labelledby="made-key-heading"
      className="space-y-3 rounded-xl border-2 border-accent p-4"
      data-testid="made-key"
    >
      <h2 id="made-key-heading" className="font-serif text-xl font-semibold">
        Your new key “{made.name}”
      </h2>
      <p className="font-semibold">Copy it now: you will not see it again.</p>
      <p className="text-sm">
        Upstand keeps only a fingerprint of it. If it is lost, revoke it and make another.
      </p>
      <Field id="made-key-value" label="API key" error={undefined}>
        {() => (
          <input
            id="made-key-value"
            type="text"
            readOnly
            value={made.key}
            onFocus={(event) => event.currentTarget.select()}
            className={`${INPUT_CLASS} font-mono text-sm`}
            spellCheck={false}
          />
        )}
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          className="button-secondary"
          onClick={() =>
            navigator.clipboard?.writeText(made.key).then(
              () => setIsCopied(true),
              () => setIsCopied(false),
            )
          }
        >
          Copy the key
        </button>
        <span aria-live="polite" className="text-sm">
          {isCopied ? "Copied." : ""}
        </span>
      </div>
    </section>
  );
}

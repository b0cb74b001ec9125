"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, useEffect, useRef } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Checkbox } from "@/components/forms/checkbox";
import { Field, INPUT_CLASS } from "@/components/forms/field";
import { signPetitionAction, type SignFormState } from "@/lib/actions/signatures";
import type { CountryCode } from "@/lib/countries";
import { COMMENT_MAX, requiresPostalCode, signatureSchema, type SignatureInput } from "@/lib/validation/signature";
import { ThankYou } from "./thank-you";

const INITIAL: SignFormState = { result: null, values: {} };

export interface SignFormProps {
  slug: string;
  title: string;
  pledgeSlug: string | null;
  siteOrigin: string;
  /** Named on the server: browsers and Node name some countries differently, which would break hydration. */
  countries: { code: CountryCode; name: string }[];
}

/**
 * The petition form. With JavaScript, fields are checked as people go and the form is sent
 * without a reload; without it, the same server action receives a plain form post.
 */
export function SignForm({ slug, title, pledgeSlug, siteOrigin, countries }: SignFormProps) {
  const [state, formAction, isPending] = useActionState(signPetitionAction, INITIAL);
  const formRef = useRef<HTMLFormElement>(null);
  const previous = state.values;
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors },
  } = useForm<SignatureInput>({
    resolver: zodResolver(signatureSchema),
    // Check on submit, then as people correct: messages appearing on blur would move the
    // button from under a pointer that is already on its way to it.
    mode: "onSubmit",
    reValidateMode: "onChange",
    // No defaultValues: the inputs carry their own (below), and React Hook Form then reads
    // what is in them when it starts, so whatever someone typed before the page finished
    // loading is kept rather than reset.
  });

  const country = useWatch({ control, name: "country" });
  // Without JavaScript the page is rendered on the server after each try: keep what was typed.
  const text = (name: "firstName" | "lastName" | "email" | "country" | "postalCode" | "comment") => ({
    ...register(name),
    defaultValue: previous[name] ?? (name === "country" ? "US" : ""),
  });

  useEffect(() => {
    if (state.result && !state.result.ok) {
      for (const [field, messages] of Object.entries(state.result.fieldErrors ?? {})) {
        if (messages?.[0]) setError(field as keyof SignatureInput, { message: messages[0] });
      }
    }
  }, [state, setError]);

  if (state.result?.ok) {
    return (
      <ThankYou
        slug={slug}
        title={title}
        referralCode={state.result.data.referralCode}
        pledgeSlug={pledgeSlug}
        siteOrigin={siteOrigin}
      />
    );
  }

  const serverErrors = state.result && !state.result.ok ? state.result.fieldErrors ?? {} : {};
  const error = (name: keyof SignatureInput) => errors[name]?.message ?? serverErrors[name]?.[0];
  const errorCount = Object.keys(errors).length || Object.keys(serverErrors).length;
  const formError = state.result && !state.result.ok ? state.result.formError : undefined;

  return (
    <form
      ref={formRef}
      action={formAction}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void handleSubmit(() => {
          // Source and referral codes ride on the petition link (?source=, ?ref=).
          const data = new FormData(formRef.current!);
          const query = new URLSearchParams(window.location.search);
          data.set("source", query.get("source") ?? "");
          data.set("ref", query.get("ref") ?? "");
          startTransition(() => formAction(data));
        })(event);
      }}
      className="space-y-5"
      aria-labelledby="sign-heading"
    >
      <div aria-live="polite" className="empty:hidden" data-testid="form-status">
        {formError ? <p className="rounded-md border-2 border-error p-3 font-semibold">{formError}</p> : null}
        {errorCount > 0 && !formError ? (
          <p className="rounded-md border-2 border-error p-3 font-semibold">
            {errorCount === 1 ? "One answer needs" : `${errorCount} answers need`} your attention before you can sign.
          </p>
        ) : null}
      </div>
      <input type="hidden" name="slug" value={slug} />
      {/* A field people never see: only bots fill it in. */}
      <div aria-hidden="true" className="absolute -left-[9999px] h-0 w-0 overflow-hidden">
        <label htmlFor="website">Website</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="firstName" label="First name" error={error("firstName")}>
          {(describedBy, invalid) => (
            <input id="firstName" autoComplete="given-name" className={INPUT_CLASS} aria-describedby={describedBy} aria-invalid={invalid} {...text("firstName")} />
          )}
        </Field>
        <Field id="lastName" label="Last name" error={error("lastName")}>
          {(describedBy, invalid) => (
            <input id="lastName" autoComplete="family-name" className={INPUT_CLASS} aria-describedby={describedBy} aria-invalid={invalid} {...text("lastName")} />
          )}
        </Field>
      </div>
      <Field id="email" label="Email address" hint="We send a link to confirm your signature. It is never shown." error={error("email")}>
        {(describedBy, invalid) => (
          <input id="email" type="email" autoComplete="email" inputMode="email" className={INPUT_CLASS} aria-describedby={describedBy} aria-invalid={invalid} {...text("email")} />
        )}
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="country" label="Country" error={error("country")}>
          {(describedBy, invalid) => (
            <select id="country" autoComplete="country" className={INPUT_CLASS} aria-describedby={describedBy} aria-invalid={invalid} {...text("country")}>
              {countries.map((option) => (
                <option key={option.code} value={option.code}>
                  {option.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="postalCode"
          label={requiresPostalCode(country) ? "Postal code" : "Postal code (optional)"}
          error={error("postalCode")}
        >
          {(describedBy, invalid) => (
            <input id="postalCode" autoComplete="postal-code" className={INPUT_CLASS} aria-describedby={describedBy} aria-invalid={invalid} {...text("postalCode")} />
          )}
        </Field>
      </div>
      <Field id="comment" label="Why are you signing? (optional)" hint={`Up to ${COMMENT_MAX} characters.`} error={error("comment")}>
        {(describedBy, invalid) => (
          <textarea id="comment" rows={3} maxLength={COMMENT_MAX} className={INPUT_CLASS} aria-describedby={describedBy} aria-invalid={invalid} {...text("comment")} />
        )}
      </Field>
      <fieldset className="space-y-3">
        <legend className="sr-only">Your choices</legend>
        <Checkbox id="isPublic" label="Show my first name, last initial and state or country on this page" {...register("isPublic")} />
        <Checkbox id="wantsUpdates" label="Keep me updated about this campaign by email" {...register("wantsUpdates")} />
        <Checkbox
          id="acceptsPrivacy"
          label={
            <>
              I agree to the{" "}
              <a href="/privacy" target="_blank" rel="noopener">
                privacy notice
              </a>{" "}
              (opens in a new tab)
            </>
          }
          error={error("acceptsPrivacy")}
          {...register("acceptsPrivacy")}
        />
      </fieldset>
      <button type="submit" className="button-primary" disabled={isPending}>
        {isPending ? "Signing…" : "Sign the petition"}
      </button>
    </form>
  );
}

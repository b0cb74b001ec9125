"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, useEffect, useRef } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Field, INPUT_CLASS } from "@/components/forms/field";
import { rememberSupporter } from "@/components/forms/remembered-supporter";
import { Honeypot, SupporterChoices, SupporterFields } from "@/components/forms/supporter-fields";
import { signPetitionAction } from "@/lib/actions/signatures";
import type { SupportFormState } from "@/lib/signing/form-submission";
import type { CountryCode } from "@/lib/domain/countries";
import { COMMENT_MAX, signatureSchema, type SignatureInput } from "@/lib/validation/signature";
import { ThankYou } from "./thank-you";

const INITIAL: SupportFormState = { result: null, values: {} };

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

  // Remembered for this tab only, so that the pledge form can be filled in next.
  const sent = useRef<SignatureInput | null>(null);
  useEffect(() => {
    if (state.result?.ok && sent.current) rememberSupporter(sent.current);
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
        void handleSubmit((values) => {
          sent.current = values;
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
      <Honeypot />
      <SupporterFields
        field={text}
        error={error}
        countries={countries}
        country={country}
        emailHint="We send a link to confirm your signature. It is never shown."
      />
      <Field id="comment" label="Why are you signing? (optional)" hint={`Up to ${COMMENT_MAX} characters.`} error={error("comment")}>
        {(describedBy, invalid) => (
          <textarea id="comment" rows={3} maxLength={COMMENT_MAX} className={INPUT_CLASS} aria-describedby={describedBy} aria-invalid={invalid} {...text("comment")} />
        )}
      </Field>
      <SupporterChoices
        choice={register}
        error={error}
        isPublicLabel="Show my first name, last initial and state or country on this page"
      />
      <button type="submit" className="button-primary" disabled={isPending}>
        {isPending ? "Signing…" : "Sign the petition"}
      </button>
    </form>
  );
}

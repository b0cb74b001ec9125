"use client";

import { useRef } from "react";
import { useWatch } from "react-hook-form";
import { ErrorSummary } from "@/components/forms/error-summary";
import { Field, INPUT_CLASS } from "@/components/forms/field";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { wordedResolver } from "@/components/forms/worded-resolver";
import { rememberSupporter } from "@/components/forms/remembered-supporter";
import {
  addLinkContext,
  Honeypot,
  SupporterChoices,
  SupporterFields,
  type SupporterWords,
} from "@/components/forms/supporter-fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { signPetitionAction } from "@/lib/actions/signatures";
import type { CountryCode } from "@/lib/domain/countries";
import type { Locale } from "@/lib/domain/locale";
import type { ValidationMessages } from "@/lib/validation/messages";
import type { PluralWords } from "@/lib/i18n/fill";
import type { SignatureInput } from "@/lib/validation/signature";
import { COMMENT_MAX, commentLength } from "@/lib/validation/supporter-rules";
import { CommentCounter, type CommentCounterWords } from "./comment-counter";
import { ThankYou, type ThankYouWords } from "./petition-thank-you";

// The same schema as the server's, loaded once someone starts filling the form in.
const validation = lazyResolver<SignatureInput>(async () => {
  const [{ zodResolver }, { signatureSchema }, { PARSE_OPTIONS }] = await Promise.all([
    import("@hookform/resolvers/zod"),
    import("@/lib/validation/signature"),
    import("@/lib/validation/messages"),
  ]);
  const resolver = zodResolver(signatureSchema, PARSE_OPTIONS);
  return () => resolver;
});

/** Every word of the form and its thank-you, in the page's language (messages: signForm). */
export interface SignFormWords {
  heading: string;
  /** "{count} answers need your attention before you can sign." */
  errors: PluralWords;
  emailHint: string;
  commentLabel: string;
  commentHint: string;
  isPublic: string;
  submit: string;
  submitting: string;
  counter: CommentCounterWords;
  supporter: SupporterWords;
  thankYou: ThankYouWords;
}

export interface SignFormProps {
  slug: string;
  title: string;
  pledgeSlug: string | null;
  siteOrigin: string;
  /** Named on the server: browsers and Node name some countries differently, which would break hydration. */
  countries: { code: CountryCode; name: string }[];
  /** The page's language: stored as the signer's, for every email they are sent. */
  locale: Locale;
  /** The form's messages in the page's language (lib/i18n/validation-messages.ts). */
  messages: ValidationMessages;
  /** Extra fields the form sends as they are: an embed's host and link (app/[locale]/embed). */
  hiddenFields?: Record<string, string>;
  words: SignFormWords;
}

/**
 * The petition form. With JavaScript, fields are checked as people go and the form is sent
 * without a reload; without it, the same server action receives a plain form post.
 */
export function SignForm({
  slug,
  title,
  pledgeSlug,
  siteOrigin,
  countries,
  locale,
  messages,
  hiddenFields = {},
  words,
}: SignFormProps) {
  // Remembered for this tab only, so that the pledge form can be filled in next.
  const sent = useRef<SignatureInput | null>(null);
  // No defaultValues: the inputs carry their own (below), and React Hook Form then reads what is
  // in them when it starts, so whatever someone typed before the page finished loading is kept.
  const {
    form,
    formRef,
    formAction,
    onSubmit,
    result,
    isPending,
    error,
    errorCount,
    formError,
    field,
    checkbox,
  } = useActionForm({
    resolver: wordedResolver(validation.resolverFor(), messages),
    action: signPetitionAction,
    prepare: (data) => {
      sent.current = form.getValues();
      addLinkContext(data);
    },
    onResult: (answer) => {
      if (answer.ok && sent.current) rememberSupporter(sent.current);
    },
  });
  const country = useWatch({ control: form.control, name: "country" });
  const comment = useWatch({ control: form.control, name: "comment" }) ?? "";

  if (result?.ok) {
    return (
      <ThankYou
        slug={slug}
        title={title}
        referralCode={result.data.referralCode}
        pledgeSlug={pledgeSlug}
        siteOrigin={siteOrigin}
        locale={locale}
        words={words.thankYou}
      />
    );
  }

  // The heading asks until the person has signed; then the thank-you, with its own heading, takes
  // its place.
  return (
    <section aria-labelledby="sign-heading" className="space-y-4">
      <h2 id="sign-heading" className="font-serif text-2xl font-semibold">
        {words.heading}
      </h2>
      <form
        ref={formRef}
        action={formAction}
        noValidate
        onSubmit={onSubmit}
        onFocus={validation.preload}
        className="space-y-5"
        aria-labelledby="sign-heading"
      >
        <div aria-live="polite" className="empty:hidden" data-testid="form-status">
          <ErrorSummary formError={formError} errorCount={errorCount} words={words.errors} locale={locale} />
        </div>
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="locale" value={locale} />
        {Object.entries(hiddenFields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <Honeypot />
        <SupporterFields
          field={field}
          error={error}
          countries={countries}
          country={country}
          emailHint={words.emailHint}
          words={words.supporter}
        />
        <Field id="comment" label={words.commentLabel} hint={words.commentHint} error={error("comment")}>
          {(describedBy, invalid) => (
            <>
              {/* No maxLength: a browser cuts pasted text to it without a word. The counter and the schema say it instead. */}
              <textarea
                id="comment"
                rows={3}
                className={INPUT_CLASS}
                aria-describedby={comment ? `${describedBy ?? ""} comment-count`.trim() : describedBy}
                aria-invalid={invalid}
                {...field("comment")}
              />
              {comment ? (
                <CommentCounter
                  id="comment-count"
                  length={commentLength(comment)}
                  max={COMMENT_MAX}
                  words={words.counter}
                  locale={locale}
                />
              ) : null}
            </>
          )}
        </Field>
        <SupporterChoices
          choice={checkbox}
          error={error}
          isPublicLabel={words.isPublic}
          words={words.supporter}
        />
        <button type="submit" className="button-primary" disabled={isPending}>
          {isPending ? words.submitting : words.submit}
        </button>
      </form>
    </section>
  );
}

"use client";

import { useEffect, useRef, useSyncExternalStore } from "react";
import { useWatch, type Resolver } from "react-hook-form";
import { Checkbox } from "@/components/forms/checkbox";
import { ErrorSummary } from "@/components/forms/error-summary";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { wordedResolver } from "@/components/forms/worded-resolver";
import {
  forgetProgress,
  recallProgress,
  recallSupporter,
  saveProgress,
} from "@/components/forms/remembered-supporter";
import {
  addLinkContext,
  Honeypot,
  SupporterChoices,
  SupporterFields,
  type SupporterWords,
} from "@/components/forms/supporter-fields";
import { useActionForm } from "@/components/forms/use-action-form";
import type { PublicCommitment } from "@/db/queries/pledges";
import { takePledgeAction } from "@/lib/actions/pledges";
import type { CountryCode } from "@/lib/domain/countries";
import { formatNumber } from "@/lib/domain/format";
import type { Locale } from "@/lib/domain/locale";
import type { ValidationMessages } from "@/lib/validation/messages";
import { fill, type PluralWords } from "@/lib/i18n/fill";
import type { PledgeInput } from "@/lib/validation/pledge";
import { PLEDGE_STEPS, SUPPORTER_FIELD_NAMES, type PledgeStep } from "@/lib/validation/supporter-rules";
import { CheckStep, type CheckStepWords } from "./pledge-check-step";
import { PledgeThankYou, type PledgeThankYouWords } from "./pledge-thank-you";
import { inFallback } from "@/lib/domain/fallback-language";

/** Every word of the steps and the thank-you, in the page's language (messages: pledgeFlow). */
export interface PledgeFlowWords {
  steps: Record<PledgeStep, string>;
  /** "Step {step} of {total}" */
  stepOf: string;
  /** "Step {step} of {total}: {title}" */
  stepAnnouncement: string;
  errors: PluralWords;
  chooseLegend: string;
  /** "(starts once {count} people take it)" */
  startsOnce: string;
  nextDetails: string;
  nextCheck: string;
  back: string;
  emailHint: string;
  isPublic: string;
  submit: string;
  submitting: string;
  check: CheckStepWords;
  supporter: SupporterWords;
  thankYou: PledgeThankYouWords;
}

const DETAIL_FIELDS: readonly string[] = SUPPORTER_FIELD_NAMES;

// One schema per step, the server's, loaded once someone starts filling the form in.
const validation = lazyResolver<PledgeInput, PledgeStep>(async () => {
  const [{ zodResolver }, { STEP_SCHEMAS }, { PARSE_OPTIONS }] = await Promise.all([
    import("@hookform/resolvers/zod"),
    import("@/lib/validation/pledge"),
    import("@/lib/validation/messages"),
  ]);
  return (step) =>
    zodResolver(STEP_SCHEMAS[step] as never, PARSE_OPTIONS) as unknown as Resolver<PledgeInput>;
});

const stepInAddress = (): PledgeStep => {
  const step = new URLSearchParams(window.location.search).get("step");
  return (PLEDGE_STEPS as readonly string[]).includes(step ?? "") ? (step as PledgeStep) : "commitments";
};

// The step lives in the address: Back and Forward move between steps, a reload keeps it.
const stepListeners = new Set<() => void>();
function subscribeToStep(listener: () => void) {
  stepListeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    stepListeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}
function showStep(step: PledgeStep | null, mode: "push" | "replace") {
  const url = new URL(window.location.href);
  if (step) url.searchParams.set("step", step);
  else url.searchParams.delete("step");
  window.history[mode === "push" ? "pushState" : "replaceState"](null, "", url);
  stepListeners.forEach((listener) => listener());
}
const noSubscription = () => () => {};

/** The ticked commitments: React Hook Form gives false for none, and a string for a lone box. */
export function chosenOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return typeof value === "string" && value ? [value] : [];
}

export interface PledgeFlowProps {
  slug: string;
  title: string;
  commitments: PublicCommitment[];
  siteOrigin: string;
  countries: { code: CountryCode; name: string }[];
  /** The reader's language: the thresholds are written its way. */
  locale: Locale;
  /** The form's messages in the reader's language (lib/i18n/validation-messages.ts). */
  messages: ValidationMessages;
  /** Extra fields the form sends as they are: an embed's host and link (app/[locale]/embed). */
  hiddenFields?: Record<string, string>;
  words: PledgeFlowWords;
}

/**
 * Taking the pledge in three steps, each checked by its own schema: commitments, details, then a
 * summary to check before sending. The step is in the address (?step=), so Back, Forward and a
 * reload land where they should, and what was typed is kept for the tab's session. Without
 * JavaScript it is one form with every step on it, sent to the same server action.
 */
export function PledgeFlow({
  slug,
  title,
  commitments,
  siteOrigin,
  countries,
  locale,
  messages,
  hiddenFields = {},
  words,
}: PledgeFlowProps) {
  const step = useSyncExternalStore(subscribeToStep, stepInAddress, () => "commitments" as const);
  // Before JavaScript runs (and on the server) every step shows, as one plain form.
  const isStepped = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const stepRef = useRef<PledgeStep>("commitments");
  useEffect(() => {
    stepRef.current = step;
  }, [step]);
  const hasMoved = useRef(false);
  const progressKey = `upstand:pledge:${slug}`;

  // One schema per step: the one for the step on screen decides whether it is complete.
  const resolver: Resolver<PledgeInput> = (values, context, options) =>
    wordedResolver(validation.resolverFor(stepRef.current), messages)(
      { ...values, commitments: chosenOf(values.commitments) },
      context,
      options,
    );
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
    typed: sentBefore,
  } = useActionForm({
    resolver,
    action: takePledgeAction,
    prepare: addLinkContext,
    onResult: (answer) => {
      if (answer.ok) {
        forgetProgress(progressKey);
        showStep(null, "replace");
        return;
      }
      // Back to the first step with something to fix.
      const fields = Object.keys(answer.fieldErrors ?? {});
      const fix = fields.includes("commitments")
        ? "commitments"
        : fields.some((name) => DETAIL_FIELDS.includes(name))
          ? "details"
          : null;
      if (fix) {
        hasMoved.current = true;
        showStep(fix, "replace");
      }
    },
  });
  const { register, reset, getValues, trigger, control } = form;
  const typed = useWatch({ control });
  const country = typed.country ?? "US";

  useEffect(() => {
    // Pick up where this tab left off: the step in the address, what was typed, or who just signed.
    const supporter = Object.fromEntries(Object.entries(recallSupporter()).filter(([, value]) => value));
    // Errors stay: a form sent before JavaScript ran comes back with the server's on its fields.
    reset(
      { ...getValues(), ...supporter, ...recallProgress<PledgeInput>(progressKey) },
      { keepErrors: true },
    );
    const onPopState = () => {
      hasMoved.current = true;
    };
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, [getValues, progressKey, reset]);

  const isTaken = result?.ok === true;
  useEffect(() => {
    // Once taken, nothing is kept: the form emptied after it must not be saved as progress.
    if (isStepped && !isTaken) saveProgress(progressKey, typed);
  }, [isStepped, isTaken, progressKey, typed]);

  useEffect(() => {
    // Announce each step by moving focus to its heading; not on arrival, which would jump the page.
    if (isStepped && hasMoved.current) document.getElementById(`step-${step}`)?.focus();
  }, [isStepped, step]);

  const goTo = (next: PledgeStep) => {
    hasMoved.current = true;
    showStep(next, "push");
  };

  if (result?.ok) {
    return (
      <PledgeThankYou
        slug={slug}
        title={title}
        referralCode={result.data.referralCode}
        siteOrigin={siteOrigin}
        locale={locale}
        words={words.thankYou}
      />
    );
  }

  const chosenBefore = chosenOf(sentBefore("commitments"));
  const shows = (section: PledgeStep) => !isStepped || step === section;

  const stepNumbers = (section: PledgeStep) => ({
    step: formatNumber(PLEDGE_STEPS.indexOf(section) + 1, locale),
    total: formatNumber(PLEDGE_STEPS.length, locale),
  });
  const heading = (section: PledgeStep) => (
    <h3 id={`step-${section}`} tabIndex={-1} className="font-serif text-xl font-semibold">
      {isStepped ? (
        <span className="block text-sm font-sans font-normal text-muted">
          {fill(words.stepOf, stepNumbers(section))}
        </span>
      ) : null}
      {words.steps[section]}
    </h3>
  );

  const advance = async (to: PledgeStep) => {
    if (await trigger()) goTo(to);
  };

  return (
    <form
      ref={formRef}
      action={formAction}
      noValidate
      onSubmit={onSubmit}
      onFocus={validation.preload}
      className="space-y-6"
      aria-labelledby="take-heading"
      data-step={isStepped ? step : "all"}
    >
      <p aria-live="polite" className="sr-only">
        {isStepped ? fill(words.stepAnnouncement, { ...stepNumbers(step), title: words.steps[step] }) : ""}
      </p>
      <div aria-live="polite" className="empty:hidden" data-testid="form-status">
        <ErrorSummary formError={formError} errorCount={errorCount} words={words.errors} locale={locale} />
      </div>
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="locale" value={locale} />
      {Object.entries(hiddenFields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Honeypot />

      <section hidden={!shows("commitments")} className="space-y-4">
        {heading("commitments")}
        <fieldset
          className="space-y-3"
          aria-describedby={error("commitments") ? "commitments-error" : undefined}
        >
          <legend className="text-sm">{words.chooseLegend}</legend>
          {commitments.map((commitment) => (
            <Checkbox
              key={commitment.slug}
              id={`commitment-${commitment.slug}`}
              value={commitment.slug}
              defaultChecked={chosenBefore.includes(commitment.slug)}
              label={
                <>
                  <span className="font-semibold" {...inFallback(commitment, "title")}>
                    {commitment.title}
                  </span>
                  {commitment.threshold ? (
                    <span className="text-muted">
                      {" "}
                      {fill(words.startsOnce, { count: formatNumber(commitment.threshold, locale) })}
                    </span>
                  ) : null}
                </>
              }
              {...register("commitments")}
            />
          ))}
          {error("commitments") ? (
            <p id="commitments-error" className="text-sm font-semibold text-error">
              {error("commitments")}
            </p>
          ) : null}
        </fieldset>
        {isStepped ? (
          <button type="button" className="button-primary" onClick={() => void advance("details")}>
            {words.nextDetails}
          </button>
        ) : null}
      </section>

      <section hidden={!shows("details")} className="space-y-5">
        {heading("details")}
        <SupporterFields
          field={field}
          error={error}
          countries={countries}
          country={country}
          emailHint={words.emailHint}
          words={words.supporter}
        />
        <SupporterChoices
          choice={checkbox}
          error={error}
          isPublicLabel={words.isPublic}
          words={words.supporter}
        />
        {isStepped ? (
          <div className="flex flex-wrap gap-3">
            <button type="button" className="button-secondary" onClick={() => goTo("commitments")}>
              {words.back}
            </button>
            <button type="button" className="button-primary" onClick={() => void advance("check")}>
              {words.nextCheck}
            </button>
          </div>
        ) : null}
      </section>

      <section hidden={!shows("check")} className="space-y-4">
        {heading("check")}
        {isStepped ? (
          <CheckStep
            control={control}
            commitments={commitments}
            countries={countries}
            onChange={goTo}
            words={words.check}
          />
        ) : null}
        <div className="flex flex-wrap gap-3">
          {isStepped ? (
            <button type="button" className="button-secondary" onClick={() => goTo("details")}>
              {words.back}
            </button>
          ) : null}
          <button type="submit" className="button-primary" disabled={isPending}>
            {isPending ? words.submitting : words.submit}
          </button>
        </div>
      </section>
    </form>
  );
}

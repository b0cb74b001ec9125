"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Field, INPUT_CLASS } from "@/components/forms/field";
import { SelectField } from "@/components/forms/select-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { requestDeliveryPackAction } from "@/lib/actions/staff-delivery";
import type { DeliverySplit } from "@/lib/domain/delivery";
import { deliveryPackSchema, type DeliveryPackInput } from "@/lib/validation/delivery";

export interface DeliveryPackFormProps {
  petitions: { id: string; title: string }[];
  splits: { split: DeliverySplit; words: string }[];
  /** The page's time in UTC to the second, "2026-11-30T12:00:05", the field's starting value. */
  now: string;
}

export function DeliveryPackForm({ petitions, splits, now }: DeliveryPackFormProps) {
  const { formRef, formAction, onSubmit, result, isPending, error, formError, field, form } = useActionForm<
    DeliveryPackInput,
    void
  >({
    resolver: zodResolver(deliveryPackSchema),
    action: requestDeliveryPackAction,
    defaultValues: { petitionId: petitions[0]?.id ?? "", split: "none", includesComments: false, asOf: now },
    afterSuccess: "sent",
  });
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="max-w-xl space-y-4 rounded-xl border border-line p-4"
      aria-labelledby="new-pack-heading"
    >
      <h2 id="new-pack-heading" className="font-serif text-xl font-semibold">
        Make a pack
      </h2>
      <div aria-live="polite" data-testid="delivery-status">
        {formError ? <p className="font-semibold text-error">{formError}</p> : null}
        {result?.ok ? (
          <p className="font-semibold">Asked for. The pack is made in the background, below.</p>
        ) : null}
      </div>
      <SelectField
        id="delivery-petition"
        label="Petition"
        error={error("petitionId")}
        options={petitions.map(({ id, title }) => ({ value: id, label: title }))}
        {...field("petitionId")}
      />
      <fieldset className="space-y-2">
        <legend className="font-semibold">Group the signers</legend>
        {splits.map(({ split, words }) => (
          <div key={split} className="flex items-center gap-3">
            <input
              id={`delivery-split-${split}`}
              type="radio"
              value={split}
              className="size-5 accent-accent"
              {...form.register("split")}
            />
            <label htmlFor={`delivery-split-${split}`}>{words}</label>
          </div>
        ))}
      </fieldset>
      <div className="flex items-start gap-3">
        <input
          id="delivery-comments"
          type="checkbox"
          className="mt-1 size-5 shrink-0 accent-accent"
          {...form.register("includesComments")}
        />
        <label htmlFor="delivery-comments">
          Include signers&rsquo; comments (only those shown on the page)
        </label>
      </div>
      <Field
        id="delivery-as-of"
        label="As of (UTC)"
        hint="Signatures confirmed up to this time, less any withdrawn or erased since. Empty means now."
        error={error("asOf")}
      >
        {(describedBy, invalid) => (
          <input
            id="delivery-as-of"
            type="datetime-local"
            step={1}
            className={INPUT_CLASS}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            {...field("asOf")}
          />
        )}
      </Field>
      <button type="submit" className="button-primary" disabled={isPending}>
        {isPending ? "Asking…" : "Make the pack"}
      </button>
    </form>
  );
}

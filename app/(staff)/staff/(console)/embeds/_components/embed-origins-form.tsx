"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { saveEmbedOriginsAction } from "@/lib/actions/staff-embeds";

/** The sites allowed to frame one campaign's embeds, one per line. */
export function EmbedOriginsForm({ campaignId, origins }: { campaignId: string; origins: string[] }) {
  const { formRef, formAction, onSubmit, isPending, error, formError, field, result } = useActionForm<
    {
      campaignId: string;
      origins: string;
    },
    { origins: string[] }
  >({ action: saveEmbedOriginsAction });
  const fieldError = error("origins");
  const id = `origins-${campaignId}`;
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="space-y-2">
      <input type="hidden" name="campaignId" value={campaignId} />
      <label htmlFor={id} className="block font-semibold">
        Sites allowed to frame the embeds
      </label>
      <p id={`${id}-hint`} className="text-sm">
        One per line, as https://host or https://host:port. With none, no other site can show them.
      </p>
      <textarea
        id={id}
        rows={4}
        className="w-full rounded border p-2 font-mono text-sm"
        aria-describedby={fieldError ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={fieldError ? true : undefined}
        {...field("origins")}
        defaultValue={field("origins").defaultValue ?? origins.join("\n")}
      />
      {fieldError ? (
        <p id={`${id}-error`} className="text-sm font-semibold text-error">
          {fieldError}
        </p>
      ) : null}
      <button type="submit" className="button-primary" disabled={isPending}>
        {isPending ? "Saving…" : "Save allowed sites"}
      </button>
      <p aria-live="polite" className="text-sm">
        {formError ? <span className="font-semibold text-error">{formError}</span> : null}
        {result?.ok
          ? `Saved: ${result.data.origins.length} site${result.data.origins.length === 1 ? "" : "s"}.`
          : null}
      </p>
    </form>
  );
}

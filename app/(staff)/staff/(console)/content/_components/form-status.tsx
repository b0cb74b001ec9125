import { ErrorSummary } from "@/components/forms/error-summary";
import type { ActionResult } from "@/lib/action-result";
import { STAFF_LOCALE } from "@/lib/domain/format";

// The staff console is in English.
const NOTHING_SAVED = {
  one: "One answer needs your attention. Nothing was saved.",
  other: "{count} answers need your attention. Nothing was saved.",
};

/**
 * What happened to the last submission, announced politely: what was saved, why nothing was,
 * or how many answers need attention.
 */
export function FormStatus({
  result,
  changed,
  errorCount,
  formError,
  labels,
  savedNote = "The public pages show it within seconds.",
  successText,
  testId,
}: {
  result: ActionResult | null;
  /** The fields this editor changed in the submission that was saved. */
  changed: string[];
  errorCount: number;
  formError?: string;
  labels: Record<string, string>;
  savedNote?: string;
  /** Said instead of the list of saved fields, for forms that add something. */
  successText?: string;
  testId: string;
}) {
  const saved = changed.map((name) => labels[name] ?? name);
  return (
    <div aria-live="polite" className="empty:hidden" data-testid={testId}>
      {result?.ok && errorCount === 0 ? (
        <p className="rounded-md border-2 border-accent p-3 font-semibold">
          {successText ??
            (saved.length > 0 ? `Saved: ${saved.join(", ")}. ${savedNote}` : "Saved. Nothing had changed.")}
        </p>
      ) : null}
      <ErrorSummary
        formError={formError}
        errorCount={errorCount}
        words={NOTHING_SAVED}
        locale={STAFF_LOCALE}
      />
    </div>
  );
}

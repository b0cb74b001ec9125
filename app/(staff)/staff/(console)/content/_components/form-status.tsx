import type { ContentFormState } from "./use-content-form";

/**
 * What happened to the last submission, announced politely: what was saved, why nothing was,
 * or how many answers need attention.
 */
export function FormStatus({
  state,
  errorCount,
  labels,
  savedNote = "The public pages show it within seconds.",
  successText,
  testId,
}: {
  state: ContentFormState | null;
  errorCount: number;
  labels: Record<string, string>;
  savedNote?: string;
  /** Said instead of the list of saved fields, for forms that add something. */
  successText?: string;
  testId: string;
}) {
  const formError = state && !state.result.ok ? state.result.formError : undefined;
  const changed = state?.changed.map((name) => labels[name] ?? name) ?? [];
  return (
    <div aria-live="polite" className="empty:hidden" data-testid={testId}>
      {state?.result.ok && errorCount === 0 ? (
        <p className="rounded-md border-2 border-accent p-3 font-semibold">
          {successText ?? (changed.length > 0 ? `Saved: ${changed.join(", ")}. ${savedNote}` : "Saved. Nothing had changed.")}
        </p>
      ) : null}
      {formError ? <p className="rounded-md border-2 border-error p-3 font-semibold">{formError}</p> : null}
      {errorCount > 0 && !formError ? (
        <p className="rounded-md border-2 border-error p-3 font-semibold">
          {errorCount === 1 ? "One answer needs" : `${errorCount} answers need`} your attention. Nothing was saved.
        </p>
      ) : null}
    </div>
  );
}

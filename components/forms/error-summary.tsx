/**
 * What stops a form from going through, announced politely: the form-level error, or how many
 * answers need attention ("… your attention before you can sign.").
 */
export function ErrorSummary({
  formError,
  errorCount,
  after,
}: {
  formError?: string;
  errorCount: number;
  after: string;
}) {
  return (
    <>
      {formError ? <p className="rounded-md border-2 border-error p-3 font-semibold">{formError}</p> : null}
      {errorCount > 0 && !formError ? (
        <p className="rounded-md border-2 border-error p-3 font-semibold">
          {errorCount === 1 ? "One answer needs" : `${errorCount} answers need`} your attention{after}
        </p>
      ) : null}
    </>
  );
}

import type { ReactNode } from "react";

export interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
}

/** A visible label, an optional hint, and the error linked to the input by aria-describedby. */
export function Field({ id, label, hint, error, children }: FieldProps) {
  const describedBy =
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {children(describedBy, Boolean(error))}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-semibold text-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export const INPUT_CLASS =
  "block w-full rounded-md border-2 border-ink/40 bg-paper px-3 py-2 text-base aria-[invalid=true]:border-error";

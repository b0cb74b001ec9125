import type { UseFormRegisterReturn } from "react-hook-form";

/** Several boxes under one legend, each naming a machine value beside its words (scopes, events). */
export function CheckboxGroup({
  idPrefix,
  legend,
  options,
  registration,
  error,
}: {
  idPrefix: string;
  legend: string;
  options: { value: string; words: string }[];
  registration: UseFormRegisterReturn;
  error: string | undefined;
}) {
  return (
    <fieldset
      className="space-y-2"
      aria-describedby={error ? `${idPrefix}-error` : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className="font-semibold">{legend}</legend>
      {options.map(({ value, words }) => (
        <div key={value} className="flex items-start gap-3">
          <input
            id={`${idPrefix}-${value}`}
            type="checkbox"
            value={value}
            className="mt-1 size-5 shrink-0 accent-accent"
            {...registration}
          />
          <label htmlFor={`${idPrefix}-${value}`}>
            {words} <code className="text-sm text-muted">{value}</code>
          </label>
        </div>
      ))}
      {error ? (
        <p id={`${idPrefix}-error`} className="text-sm font-semibold text-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

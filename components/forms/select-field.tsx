import type { ComponentProps } from "react";
import { Field, INPUT_CLASS } from "./field";

/**
 * A labelled select whose error is tied to it as every field's is; the rest of its props (what a
 * form's `field(name)` gives, a default value) go on the select.
 */
export function SelectField({
  id,
  label,
  error,
  options,
  ...select
}: {
  id: string;
  label: string;
  error?: string;
  options: readonly { value: string; label: string }[];
} & Omit<ComponentProps<"select">, "id" | "className" | "children">) {
  return (
    <Field id={id} label={label} error={error}>
      {(describedBy, invalid) => (
        <select
          id={id}
          className={INPUT_CLASS}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          {...select}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

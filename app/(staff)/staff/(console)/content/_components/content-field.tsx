import type { UseFormRegisterReturn } from "react-hook-form";
import { Field, INPUT_CLASS } from "@/components/forms/field";

export interface ContentFieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  registration: UseFormRegisterReturn;
  /** A textarea of this many rows; a one-line input without. */
  rows?: number;
  type?: "text" | "url" | "datetime-local";
  inputMode?: "numeric";
  /** The language of the text typed, where it is not the console's English. */
  lang?: string;
}

/** A labelled text input or textarea of a content form, its hint and error linked to it. */
export function ContentField({
  id,
  label,
  hint,
  error,
  registration,
  rows,
  type = "text",
  inputMode,
  lang,
}: ContentFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(describedBy, invalid) =>
        rows ? (
          <textarea
            id={id}
            rows={rows}
            lang={lang}
            className={INPUT_CLASS}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            {...registration}
          />
        ) : (
          <input
            id={id}
            type={type}
            inputMode={inputMode}
            lang={lang}
            className={INPUT_CLASS}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            {...registration}
          />
        )
      }
    </Field>
  );
}

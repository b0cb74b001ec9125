import type { UseFormRegister } from "react-hook-form";
import { Field, INPUT_CLASS } from "@/components/forms/field";
import { SelectField } from "@/components/forms/select-field";
import {
  PETITION_UPDATE_BODY_MAX,
  PETITION_UPDATE_KIND_WORDS,
  PETITION_UPDATE_KINDS,
  PETITION_UPDATE_TITLE_MAX,
} from "@/lib/domain/petition-updates";
import type { PetitionUpdateEditInput } from "@/lib/validation/petition-updates";

type FieldName = keyof Omit<PetitionUpdateEditInput, "id">;

export interface UpdateFieldsProps {
  /** Makes each input's id unique on a page with several forms. */
  prefix: string;
  field: (
    name: FieldName,
  ) => ReturnType<UseFormRegister<PetitionUpdateEditInput>> & { defaultValue?: string };
  error: (name: FieldName) => string | undefined;
}

/** The fields an update has, shared by the form that posts one and the form that edits one. */
export function UpdateFields({ prefix, field, error }: UpdateFieldsProps) {
  const id = (name: string) => `${prefix}-${name}`;
  const text = (name: FieldName, label: string, hint?: string) => (
    <Field id={id(name)} label={label} hint={hint} error={error(name)}>
      {(describedBy, invalid) => (
        <input
          id={id(name)}
          className={INPUT_CLASS}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          {...field(name)}
        />
      )}
    </Field>
  );
  const area = (name: FieldName, label: string, hint: string) => (
    <Field id={id(name)} label={label} hint={hint} error={error(name)}>
      {(describedBy, invalid) => (
        <textarea
          id={id(name)}
          rows={5}
          className={INPUT_CLASS}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          {...field(name)}
        />
      )}
    </Field>
  );
  const day = (name: FieldName, label: string, hint?: string) => (
    <Field id={id(name)} label={label} hint={hint} error={error(name)}>
      {(describedBy, invalid) => (
        <input
          id={id(name)}
          type="date"
          className={INPUT_CLASS}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          {...field(name)}
        />
      )}
    </Field>
  );
  return (
    <>
      <SelectField
        id={id("kind")}
        label="What happened"
        error={error("kind")}
        options={PETITION_UPDATE_KINDS.map((kind) => ({
          value: kind,
          label: PETITION_UPDATE_KIND_WORDS[kind],
        }))}
        {...field("kind")}
      />
      {day("happenedOn", "Date it happened")}
      {day("hearingOn", "Date of the hearing", "For a hearing only; left out of any other kind.")}
      {text("title", "Title", `Up to ${PETITION_UPDATE_TITLE_MAX} characters, shown as written.`)}
      {area(
        "body",
        "Text",
        `Plain text, up to ${PETITION_UPDATE_BODY_MAX} characters; a blank line starts a new paragraph.`,
      )}
      {text(
        "title_es",
        "Title in Spanish (optional)",
        "Readers of the Spanish page see the English title without it.",
      )}
      {area(
        "body_es",
        "Text in Spanish (optional)",
        "Readers of the Spanish page see the English text without it.",
      )}
    </>
  );
}

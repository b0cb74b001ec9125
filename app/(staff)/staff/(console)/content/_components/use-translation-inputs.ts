"use client";

import {
  useWatch,
  type FieldValues,
  type Path,
  type UseFormReturn,
  type UseFormRegisterReturn,
} from "react-hook-form";
import {
  LOCALE_NAMES,
  TRANSLATION_LOCALES,
  translatedKey,
  type TranslatableField,
  type TranslatableKind,
  type TranslationLocale,
} from "@/lib/domain/translations";

export interface TranslationInput {
  locale: TranslationLocale;
  /** The field's name in that language, which its translator reads. */
  label: string;
  registration: UseFormRegisterReturn;
  error?: string;
  isMissing: boolean;
}

// Each translated field named in its own language. Labels that share no words with the English
// ones also keep "Title" and "The ask" naming one field each.
const FIELD_NAMES: {
  [K in TranslatableKind]: Record<TranslationLocale, Record<TranslatableField<K>, string>>;
} = {
  petition: {
    es: {
      title: "Título",
      target: "A quién se pide actuar",
      ask: "Lo que pedimos",
      background: "Por qué importa",
    },
  },
  pledge: { es: { title: "Título", statement: "La promesa", background: "Contexto" } },
  commitment: { es: { title: "Compromiso", description: "Descripción" } },
  figure: { es: { unit: "Unidad", counts: "Lo que cuenta", period: "Año o período" } },
  story: { es: { title: "Título", summary: "Resumen", body: "Texto" } },
};

/** What the status line calls each translated field once saved: "title (Spanish)". */
export function translatedLabels<K extends TranslatableKind>(
  kind: K,
  english: Record<TranslatableField<K>, string>,
): Record<string, string> {
  return Object.fromEntries(
    TRANSLATION_LOCALES.flatMap((locale) =>
      (Object.keys(FIELD_NAMES[kind][locale]) as TranslatableField<K>[]).map((field) => [
        translatedKey(field, locale),
        `${english[field]} (${LOCALE_NAMES[locale]})`,
      ]),
    ),
  );
}

/** For each text of a form, its inputs in every other language, each marked while it is empty. */
export function useTranslationInputs<T extends FieldValues, K extends TranslatableKind>(
  form: UseFormReturn<T>,
  error: (name: Path<T>) => string | undefined,
  kind: K,
) {
  const values = useWatch({ control: form.control }) as Record<string, unknown>;
  return (field: TranslatableField<K>): TranslationInput[] =>
    TRANSLATION_LOCALES.map((locale) => {
      const name = translatedKey(field, locale) as Path<T>;
      const value = values[name];
      return {
        locale,
        label: FIELD_NAMES[kind][locale][field],
        registration: form.register(name),
        error: error(name),
        isMissing: typeof value !== "string" || value.trim() === "",
      };
    });
}

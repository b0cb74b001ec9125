import { z } from "zod";
import { isPseudoLocale, LOCALES, type Locale, type ServedLocale } from "./locale";

// Content staff edit has a version per language. English is the source and always complete;
// every other language holds only what has been translated, and a reader of that language sees
// English wherever a field is not.

export type TranslationLocale = Exclude<ServedLocale, "en">;
export const TRANSLATION_LOCALES = LOCALES.filter((locale): locale is TranslationLocale => locale !== "en");

/** Each language's name, in English, as the console labels its columns. */
export const LOCALE_NAMES: Record<ServedLocale, string> = { en: "English", es: "Spanish" };

/** The reader-facing text of each kind of content; numbers, slugs and sources are not translated. */
export const TRANSLATABLE_FIELDS = {
  petition: ["title", "target", "ask", "background"],
  pledge: ["title", "statement", "background"],
  commitment: ["title", "description"],
  // The words around a figure; its number and its source (who reported it, where) stay as reported.
  figure: ["unit", "counts", "period"],
  story: ["title", "summary", "body"],
} as const;
export type TranslatableKind = keyof typeof TRANSLATABLE_FIELDS;
export type TranslatableField<K extends TranslatableKind> = (typeof TRANSLATABLE_FIELDS)[K][number];

/** What a row stores in its `translations` column: `{ es: { title: "…" } }`, only fields translated. */
export type Translations<F extends string = string> = Partial<
  Record<TranslationLocale, Partial<Record<F, string>>>
>;

/** The shape `translations` must have before it is written: known languages and fields, no blanks. */
export function translationsSchema(fields: readonly string[]) {
  const text = z.string().refine((value) => value.trim().length > 0);
  return z.partialRecord(
    z.enum(TRANSLATION_LOCALES as [TranslationLocale, ...TranslationLocale[]]),
    z.strictObject(Object.fromEntries(fields.map((field) => [field, text.optional()]))),
  );
}

export interface Localized<F extends string> {
  text: Record<F, string>;
  /** The fields shown in English because they have no translation in the language asked for. */
  fellBack: F[];
}

/** Each field in `locale`, or in English where it has no translation there. */
export function localize<F extends string>(
  english: Record<F, string>,
  translations: Translations<F> | null | undefined,
  locale: Locale,
): Localized<F> {
  const fields = Object.keys(english) as F[];
  if (locale === "en") return { text: { ...english }, fellBack: [] };
  // The pseudo-locale has no content of its own: it shows English, as a missing translation does.
  const translated: Partial<Record<F, string>> = isPseudoLocale(locale) ? {} : (translations?.[locale] ?? {});
  const has = (field: F) => (translated[field]?.trim() ?? "") !== "";
  return {
    text: Object.fromEntries(
      fields.map((field) => [field, has(field) ? translated[field]! : english[field]]),
    ) as Record<F, string>,
    fellBack: fields.filter((field) => !has(field)),
  };
}

/** A row read with its `translations`, its text fields given in `locale` (English where missing). */
export function localizeRow<
  R extends Record<F, string> & { translations: Translations<F> },
  F extends string,
>(row: R, fields: readonly F[], locale: Locale): Omit<R, "translations"> & { untranslated: F[] } {
  const { translations, ...rest } = row;
  const english = Object.fromEntries(fields.map((field) => [field, row[field] as string])) as Record<
    F,
    string
  >;
  const { text, fellBack } = localize(english, translations, locale);
  return { ...rest, ...text, untranslated: fellBack };
}

/** The fields of each language other than English that have no translation yet. */
export function missingTranslations<F extends string>(
  fields: readonly F[],
  translations: Translations<F> | null | undefined,
): Record<TranslationLocale, F[]> {
  return Object.fromEntries(
    TRANSLATION_LOCALES.map((locale) => [
      locale,
      fields.filter((field) => (translations?.[locale]?.[field]?.trim() ?? "") === ""),
    ]),
  ) as Record<TranslationLocale, F[]>;
}

/** A translated field as an edit form and the audit log name it: `title_es`. */
export type TranslatedKey<F extends string> = `${F}_${TranslationLocale}`;
export const translatedKey = <F extends string>(field: F, locale: TranslationLocale): TranslatedKey<F> =>
  `${field}_${locale}`;

/** Every translated field of a row as a flat value, null where there is none: what edits compare. */
export type TranslatedFields<F extends string> = Record<TranslatedKey<F>, string | null>;

/** Is this the name of a translated field (`title_es`)? */
export const isTranslatedKey = (key: string) =>
  TRANSLATION_LOCALES.some((locale) => key.endsWith(`_${locale}`));

export function flattenTranslations<F extends string>(
  fields: readonly F[],
  translations: Translations<F> | null | undefined,
): TranslatedFields<F> {
  return Object.fromEntries(
    TRANSLATION_LOCALES.flatMap((locale) =>
      fields.map((field) => [translatedKey(field, locale), translations?.[locale]?.[field] ?? null]),
    ),
  ) as TranslatedFields<F>;
}

/** The flat translated fields back as a `translations` value, blanks left out. */
export function translationsFrom<F extends string>(fields: readonly F[], flat: object): Translations<F> {
  const translations: Translations<F> = {};
  for (const locale of TRANSLATION_LOCALES) {
    const entries = fields.flatMap((field) => {
      const value = (flat as Record<string, unknown>)[translatedKey(field, locale)];
      return typeof value === "string" && value.trim() !== "" ? [[field, value] as const] : [];
    });
    if (entries.length > 0) translations[locale] = Object.fromEntries(entries) as Partial<Record<F, string>>;
  }
  return translations;
}

/** The languages a save's changed fields belong to, English for the untranslated ones: for the audit log. */
export function localesOfChanges(changed: readonly string[]): ServedLocale[] {
  const suffixed = (locale: TranslationLocale) => changed.some((key) => key.endsWith(`_${locale}`));
  const isEnglish = changed.some((key) => !isTranslatedKey(key));
  return LOCALES.filter((locale) => (locale === "en" ? isEnglish : suffixed(locale)));
}

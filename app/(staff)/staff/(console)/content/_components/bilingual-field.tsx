import { LOCALE_NAMES, TRANSLATION_LOCALES } from "@/lib/domain/translations";
import { ContentField, type ContentFieldProps } from "./content-field";
import type { TranslationInput } from "./use-translation-inputs";

export const MISSING_TRANSLATION = "Missing: readers see the English.";

/** Above the bilingual fields on a wide screen: which column is which language. */
export function LanguageColumns() {
  return (
    <div className="hidden gap-4 border-b border-line pb-2 font-semibold lg:grid lg:grid-cols-2" aria-hidden>
      <p>English (the source: always shown when a translation is missing)</p>
      {TRANSLATION_LOCALES.map((locale) => (
        <p key={locale}>{LOCALE_NAMES[locale]}</p>
      ))}
    </div>
  );
}

/**
 * One text in English and in each other language: side by side on a wide screen, one under the
 * other on a phone. A translation left empty is marked, since its readers then see the English.
 */
export function BilingualField({
  translations,
  ...english
}: ContentFieldProps & { translations: TranslationInput[] }) {
  return (
    <div className={translations.length > 0 ? "grid gap-4 lg:grid-cols-2" : undefined}>
      <ContentField {...english} />
      {translations.map((translation) => (
        <ContentField
          key={translation.locale}
          id={`${english.id}-${translation.locale}`}
          label={`${LOCALE_NAMES[translation.locale]}: ${translation.label}`}
          hint={translation.isMissing ? MISSING_TRANSLATION : undefined}
          error={translation.error}
          registration={translation.registration}
          rows={english.rows}
          lang={translation.locale}
        />
      ))}
    </div>
  );
}

import { LOCALE_NAMES, TRANSLATION_LOCALES, type TranslationLocale } from "@/lib/domain/translations";

/** Per language other than English, how many of an item's texts have no translation yet. */
export function MissingTranslations({
  missing,
  total,
}: {
  missing: Record<TranslationLocale, string[]>;
  total: number;
}) {
  return (
    <ul className="space-y-1 text-sm">
      {TRANSLATION_LOCALES.map((locale) => {
        const count = missing[locale].length;
        return (
          <li key={locale} className={count > 0 ? "font-semibold" : "text-muted"}>
            {LOCALE_NAMES[locale]}:{" "}
            {count === 0 ? "complete" : `${count} of ${total} ${total === 1 ? "field" : "fields"} missing`}
          </li>
        );
      })}
    </ul>
  );
}

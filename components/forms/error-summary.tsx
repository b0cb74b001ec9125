import { formatNumber } from "@/lib/domain/format";
import type { Locale } from "@/lib/domain/locale";
import { fill, pluralWords, type PluralWords } from "@/lib/i18n/fill";

/**
 * What stops a form from going through, announced politely: the form-level error, or how many
 * answers need attention ("One answer needs your attention before you can sign."). `words` hold
 * the sentence for the form, in the page's language, with `{count}` for the number.
 */
export function ErrorSummary({
  formError,
  errorCount,
  words,
  locale,
}: {
  formError?: string;
  errorCount: number;
  words: PluralWords;
  locale: Locale;
}) {
  return (
    <>
      {formError ? <p className="rounded-md border-2 border-error p-3 font-semibold">{formError}</p> : null}
      {errorCount > 0 && !formError ? (
        <p className="rounded-md border-2 border-error p-3 font-semibold">
          {fill(pluralWords(errorCount, locale, words), { count: formatNumber(errorCount, locale) })}
        </p>
      ) : null}
    </>
  );
}

import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale, isPseudoLocale } from "@/lib/domain/locale";
import { messagesFor } from "./messages";

// Every server component passes its page's locale to getTranslations({ locale, namespace }), so
// `locale` is always given. `requestLocale` is never awaited: it reads the request's headers,
// which would make every cached public page render on every request.
export default getRequestConfig(async ({ locale }) => {
  const resolved = locale && (isLocale(locale) || isPseudoLocale(locale)) ? locale : DEFAULT_LOCALE;
  return { locale: resolved, messages: messagesFor(resolved) };
});

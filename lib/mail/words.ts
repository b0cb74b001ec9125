import { createTranslator } from "next-intl";
import { DEFAULT_LOCALE, type Locale } from "@/lib/domain/locale";
import { messagesFor } from "@/lib/i18n/messages";
import type english from "@/messages/en.json";

// Emails are written outside any page: in a server action, a route handler, or a scheduled job
// (the commitment and follow-up emails), where next-intl's getTranslations has no request to
// read. So they take their words from the same messages files through createTranslator, with
// the language given explicitly: the supporter's, as stored with their signature or pledge.

/** The words of the emails (`emails` in messages/*.json) in `locale`, English where a key has no translation. */
export function emailWords(locale: Locale = DEFAULT_LOCALE) {
  // English has every key (a unit check holds the others to it), so its shape types the keys.
  const messages = messagesFor(locale) as typeof english;
  return createTranslator({ locale, messages, namespace: "emails" });
}

export type EmailWords = ReturnType<typeof emailWords>;

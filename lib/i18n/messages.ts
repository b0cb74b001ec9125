import en from "@/messages/en.json";
import es from "@/messages/es.json";
import { DEFAULT_LOCALE, isPseudoLocale, type Locale, type ServedLocale } from "@/lib/domain/locale";
import { pseudoMessages } from "./pseudo-locale";

type Tree = { [key: string]: string | Tree };

const BY_LOCALE: Record<ServedLocale, Tree> = { en, es };

/** `translated` laid over `fallback`, key by key, so that a message not yet translated is shown in English. */
export function overlay(fallback: Tree, translated: Tree): Tree {
  const merged: Tree = { ...fallback };
  for (const [key, value] of Object.entries(translated)) {
    const under = fallback[key];
    merged[key] = typeof value === "object" && typeof under === "object" ? overlay(under, value) : value;
  }
  return merged;
}

const merged = new Map<Locale, Tree>();

/** A language's messages, with English wherever it has none. */
export function messagesFor(locale: Locale): Tree {
  let messages = merged.get(locale);
  if (!messages) {
    if (isPseudoLocale(locale)) messages = pseudoMessages(BY_LOCALE[DEFAULT_LOCALE]);
    else if (locale === DEFAULT_LOCALE) messages = BY_LOCALE[locale];
    else messages = overlay(BY_LOCALE[DEFAULT_LOCALE], BY_LOCALE[locale]);
    merged.set(locale, messages);
  }
  return messages;
}

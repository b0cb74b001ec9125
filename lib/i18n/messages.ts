import en from "@/messages/en.json";
import es from "@/messages/es.json";
import { DEFAULT_LOCALE, type Locale } from "@/lib/domain/locale";

type Tree = { [key: string]: string | Tree };

const BY_LOCALE: Record<Locale, Tree> = { en, es };

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
    const own = BY_LOCALE[locale];
    messages = locale === DEFAULT_LOCALE ? own : overlay(BY_LOCALE[DEFAULT_LOCALE], own);
    merged.set(locale, messages);
  }
  return messages;
}

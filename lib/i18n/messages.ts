import en from "@/messages/en.json";
import es from "@/messages/es.json";
import { DEFAULT_LOCALE, type Locale } from "@/lib/domain/locale";

export type Messages = typeof en;

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

/** A language's messages, with English wherever it has none. */
export function messagesFor(locale: Locale): Tree {
  const own = BY_LOCALE[locale];
  return locale === DEFAULT_LOCALE ? own : overlay(BY_LOCALE[DEFAULT_LOCALE], own);
}

import { createElement, Fragment, type ReactNode } from "react";
import { pluralOf } from "@/lib/domain/format";
import type { Locale } from "@/lib/domain/locale";

// Client components get their words from the server page as plain strings (there is no
// NextIntlClientProvider); a figure that changes in the browser is filled into a `{name}` there.

/** A message's forms by count, as the messages files hold them: `{ "one": …, "other": … }`. */
export interface PluralWords {
  one: string;
  other: string;
}

/** `"{count} left"` with `{ count: "12" }` → `"12 left"`; a name without a value is left as it is. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** As fill, with elements for values: `"{count} signed today"` with the count in bold. */
export function fillNodes(template: string, values: Record<string, ReactNode>): ReactNode {
  // Split on a capturing group: the names are at the odd places.
  const parts = template
    .split(/\{(\w+)\}/)
    .map((part, index) => (index % 2 === 1 ? (part in values ? values[part] : `{${part}}`) : part));
  return createElement(Fragment, null, ...parts);
}

/** The form of a message for a count, in the page's language. */
export function pluralWords(count: number, locale: Locale, words: PluralWords): string {
  return pluralOf(count, locale) === "one" ? words.one : words.other;
}

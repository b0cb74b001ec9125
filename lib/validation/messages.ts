// The public forms' schemas (./signature.ts, ./pledge.ts) give each message as a key into
// `validation` in messages/*.json ("firstName.required"), not as words, so that one schema serves
// every language: the server puts the reader's words in place of the keys before answering
// (lib/i18n/validation-messages.ts), and a form in the browser does the same with the words its
// page sends it (components/forms/translated-resolver.ts). No language's words are in the schemas,
// so none is downloaded with them.

/** The `validation` messages of one language, by key, with their limits already filled in. */
export type ValidationMessages = Readonly<Record<string, string>>;

/** The message of a check that has none of its own (a list item that is not text, sent to the API). */
export const UNWRITTEN = "invalid";

/**
 * Parse options that give every check without a message of its own the key `UNWRITTEN`, in
 * place of zod's English: pass them to each parse of a public schema.
 */
export const PARSE_OPTIONS = { error: () => UNWRITTEN };

/** The words for `key`; anything that is not a key (words already) as it is. */
export function wordsFor(key: string, messages: ValidationMessages): string {
  return Object.hasOwn(messages, key) ? messages[key]! : key;
}

import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import { ERROR_MESSAGES } from "@/lib/i18n/error-messages";
import { messagesFor, overlay } from "@/lib/i18n/messages";

// Adding a language is adding a messages file: each must have exactly English's keys, and each
// message the same placeholders ({name}) and tags (<link>), or a page would show a raw key or
// lose a value.

type Tree = { [key: string]: string | Tree };

/** Every message as `path → text`, e.g. `siteFooter.about → About Upstand`. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") flat.set(path, value);
    else for (const [inner, text] of flatten(value, path)) flat.set(inner, text);
  }
  return flat;
}

/** A message's arguments and tags, e.g. `{languages}` and `<link>`, sorted. */
function placeholders(message: string): string[] {
  const args = [...message.matchAll(/\{\s*([A-Za-z0-9_]+)/g)].map((match) => `{${match[1]}}`);
  const tags = [...message.matchAll(/<\/?([A-Za-z0-9_]+)>/g)].map((match) => match[0]);
  return [...args, ...tags].sort();
}

function differences(reference: Tree, translation: Tree): string[] {
  const ours = flatten(reference);
  const theirs = flatten(translation);
  const missing = [...ours.keys()].filter((key) => !theirs.has(key)).map((key) => `missing ${key}`);
  const extra = [...theirs.keys()].filter((key) => !ours.has(key)).map((key) => `not in English: ${key}`);
  const mismatched = [...ours]
    .filter(([key]) => theirs.has(key))
    .filter(([key, text]) => placeholders(text).join() !== placeholders(theirs.get(key)!).join())
    .map(([key]) => `placeholders differ: ${key}`);
  return [...missing, ...extra, ...mismatched];
}

describe("messages files", () => {
  it("finds a missing key, an extra key and a changed placeholder, so the check below can fail", () => {
    const english = { page: { title: "Hello {name}", link: "See <link>more</link>", note: "Note" } };
    const partial = { page: { title: "Hola {nombre}", link: "Ver <link>más</link>", extra: "x" } };
    expect(differences(english, partial)).toEqual([
      "missing page.note",
      "not in English: page.extra",
      "placeholders differ: page.title",
    ]);
  });

  it("Spanish has every English key, no other, and the same placeholders in each message", () => {
    expect(differences(en, es)).toEqual([]);
  });

  it("a message missing from a translation is shown in English", () => {
    expect(overlay({ a: { b: "B", c: "C" } }, { a: { b: "Be" } })).toEqual({ a: { b: "Be", c: "C" } });
    expect(flatten(messagesFor("es")).get("siteFooter.about")).toBe("Acerca de Upstand");
  });

  it("the error pages' own words for Leave quickly match the messages files", () => {
    for (const locale of ["en", "es"] as const) {
      expect(ERROR_MESSAGES[locale].leaveQuickly).toEqual(messagesFor(locale).leaveQuickly);
    }
  });
});

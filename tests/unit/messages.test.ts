import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import { ERROR_MESSAGES } from "@/lib/i18n/error-messages";
import { createTranslator } from "next-intl";
import { messagesFor, overlay } from "@/lib/i18n/messages";
import { pseudoMessage } from "@/lib/i18n/pseudo-locale";

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

/**
 * The ICU arguments of a message, e.g. `{languages}` and `{kind}` of `{kind, select, pledge {…}
 * other {…}}`, with those of every branch: a branch's own words differ between languages, so they
 * are read as text, not as arguments.
 */
function argumentsOf(message: string): string[] {
  const found: string[] = [];
  let at = 0;
  const text = (): void => {
    while (at < message.length && message[at] !== "}") {
      if (message[at] === "{") argument();
      else at += 1;
    }
  };
  const argument = (): void => {
    const [head = ""] = /^\{\s*[A-Za-z0-9_]+\s*(,\s*[a-z]+\s*)?/.exec(message.slice(at)) ?? [];
    found.push(`{${/[A-Za-z0-9_]+/.exec(head)?.[0]}}`);
    at += head.length;
    if (message[at] === ",") {
      // Branches: `pledge {…} other {…}`, each read as a message of its own.
      at += 1;
      while (at < message.length && message[at] !== "}") {
        if (message[at] === "{") {
          at += 1;
          text();
        }
        at += 1;
      }
    }
    at += 1;
  };
  text();
  return found;
}

/** A message's arguments and tags, e.g. `{languages}` and `<link>`, sorted. */
function placeholders(message: string): string[] {
  const tags = [...message.matchAll(/<\/?([A-Za-z0-9_]+)>/g)].map((match) => match[0]);
  return [...argumentsOf(message), ...tags].sort();
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

  it("reads a select's branches as words, and still finds an argument missing from one", () => {
    const english = {
      a: "{kind, select, pledge {Your pledge on {title}} other {Your signature on {title}}}",
    };
    expect(
      differences(english, {
        a: "{kind, select, pledge {Su compromiso: {title}} other {Su firma: {title}}}",
      }),
    ).toEqual([]);
    expect(
      differences(english, { a: "{kind, select, pledge {Su compromiso} other {Su firma: {title}}}" }),
    ).toEqual(["placeholders differ: a"]);
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

  it("the right-to-left test language has every English key and placeholder, and none of English's words", () => {
    const pseudo = messagesFor("ar-XB");
    expect(differences(en, pseudo)).toEqual([]);
    const about = flatten(pseudo).get("siteFooter.about")!;
    expect(about).not.toContain("About");
    // Each word written right to left, a third or so longer than English's.
    expect(about).toMatch(/^\u202e[^\s]+\u202c( \u202e[^\s]+\u202c)*$/);
    expect(about.length).toBeGreaterThan("About Upstand".length * 1.3);
  });

  it("the right-to-left test language's plurals, selects and tags still format", () => {
    const t = createTranslator({
      locale: "ar-XB",
      messages: {
        parts: pseudoMessage("{count, plural, one {# part} other {# parts}}"),
        kind: pseudoMessage("{kind, select, pledge {Pledge on <strong>{title}</strong>} other {Sign}}"),
      },
    });
    const visible = (text: string) => text.replace(/[\u202e\u202c]/g, "");
    expect(visible(t("parts", { count: 3 }))).toBe("3 þááŕţš");
    expect(visible(String(t.rich("kind", { kind: "pledge", title: "X", strong: (c) => `[${c}]` })))).toBe(
      "Þļééðĝéé ööñ [X]",
    );
  });
});

import { describe, expect, it } from "vitest";
import {
  flattenTranslations,
  localesOfChanges,
  localize,
  localizeRow,
  missingTranslations,
  translationsFrom,
  translationsSchema,
} from "@/lib/domain/translations";

const english = { title: "Sign the petition", ask: "Act now", background: "Why it matters" };

describe("localize: each field in the language asked for, or in English where it has none", () => {
  it("gives Spanish where there is Spanish and English where there is not, naming the English ones", () => {
    const result = localize(english, { es: { title: "Firma la petición", ask: "  " } }, "es");
    expect(result.text).toEqual({ title: "Firma la petición", ask: "Act now", background: "Why it matters" });
    expect(result.fellBack).toEqual(["ask", "background"]);
  });

  it("gives English, with nothing fallen back, to English readers whatever is translated", () => {
    expect(localize(english, { es: { title: "Firma" } }, "en")).toEqual({ text: english, fellBack: [] });
  });

  it("falls back on every field when a row has no translations at all", () => {
    expect(localize(english, {}, "es").fellBack).toEqual(["title", "ask", "background"]);
    expect(localize(english, null, "es").text).toEqual(english);
  });

  it("localizes a row read with its translations and leaves its other columns alone", () => {
    const row = { slug: "x", goal: 10, ...english, translations: { es: { background: "Por qué importa" } } };
    expect(localizeRow(row, ["title", "ask", "background"], "es")).toEqual({
      slug: "x",
      goal: 10,
      title: "Sign the petition",
      ask: "Act now",
      background: "Por qué importa",
      untranslated: ["title", "ask"],
    });
  });
});

describe("what the console shows and saves", () => {
  it("lists the fields each other language is missing", () => {
    expect(missingTranslations(["title", "ask"], { es: { title: "Firma" } })).toEqual({ es: ["ask"] });
    expect(missingTranslations(["title", "ask"], {})).toEqual({ es: ["title", "ask"] });
  });

  it("flattens translations to form fields and back, leaving blanks out", () => {
    const flat = flattenTranslations(["title", "ask"], { es: { title: "Firma" } });
    expect(flat).toEqual({ title_es: "Firma", ask_es: null });
    expect(translationsFrom(["title", "ask"], { ...flat, ask_es: "  " })).toEqual({ es: { title: "Firma" } });
    expect(translationsFrom(["title", "ask"], { title_es: "", ask_es: null })).toEqual({});
  });

  it("names the languages a save changed", () => {
    expect(localesOfChanges(["title", "goal"])).toEqual(["en"]);
    expect(localesOfChanges(["title_es"])).toEqual(["es"]);
    expect(localesOfChanges(["ask", "title_es"])).toEqual(["en", "es"]);
  });

  it("accepts only known languages and fields, without blanks, as stored translations", () => {
    const schema = translationsSchema(["title", "ask"]);
    expect(schema.safeParse({ es: { title: "Firma" } }).success).toBe(true);
    expect(schema.safeParse({}).success).toBe(true);
    expect(schema.safeParse({ fr: { title: "Signez" } }).success).toBe(false);
    expect(schema.safeParse({ es: { slug: "firma" } }).success).toBe(false);
    expect(schema.safeParse({ es: { title: " " } }).success).toBe(false);
  });
});

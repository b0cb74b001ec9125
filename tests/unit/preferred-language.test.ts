import { describe, expect, it } from "vitest";
import {
  canonicalLanguageTag,
  formLanguageOf,
  LANGUAGE_TAG,
  mailLocaleOf,
} from "@/lib/domain/preferred-language";

describe("a supporter's preferred language", () => {
  it("keeps a well-formed RFC 5646 tag, in its canonical form", () => {
    expect(canonicalLanguageTag("es")).toBe("es");
    expect(canonicalLanguageTag(" ES-mx ")).toBe("es-MX");
    expect(canonicalLanguageTag("es-419")).toBe("es-419");
    expect(canonicalLanguageTag("zh-Hant-TW")).toBe("zh-Hant-TW");
    expect(canonicalLanguageTag("fr")).toBe("fr");
  });

  it("refuses what is not a language tag", () => {
    for (const value of ["", "es_MX", "123", "x-private", "español", "en-", "a".repeat(36), "es; drop"]) {
      expect(canonicalLanguageTag(value), value).toBeNull();
    }
  });

  it("every tag it keeps passes the database's check", () => {
    for (const value of ["es", "es-MX", "zh-Hant-TW", "en-US-u-ca-gregory"]) {
      expect(canonicalLanguageTag(value)).toMatch(LANGUAGE_TAG);
    }
  });

  it("writes to them in their language when Upstand speaks it, else in English", () => {
    expect(mailLocaleOf("es")).toBe("es");
    expect(mailLocaleOf("es-MX")).toBe("es");
    expect(mailLocaleOf("ES")).toBe("es");
    expect(mailLocaleOf("en-GB")).toBe("en");
    expect(mailLocaleOf("fr")).toBe("en");
    expect(mailLocaleOf(null)).toBe("en");
  });

  it("a form's language is one of the site's, English for anything else", () => {
    expect(formLanguageOf("es")).toBe("es");
    expect(formLanguageOf("en")).toBe("en");
    expect(formLanguageOf("fr")).toBe("en");
    expect(formLanguageOf("es-MX")).toBe("en");
    expect(formLanguageOf("")).toBe("en");
    expect(formLanguageOf(null)).toBe("en");
  });
});

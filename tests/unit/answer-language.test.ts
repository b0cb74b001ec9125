import { describe, expect, it } from "vitest";
import { answerLanguageOf } from "@/lib/http/answer-language";

describe("answerLanguageOf", () => {
  it("answers in the caller's most wanted language that Upstand speaks", () => {
    expect(answerLanguageOf("es-MX,es;q=0.9,en;q=0.8")).toBe("es");
    expect(answerLanguageOf("fr-CA, fr;q=0.9, es;q=0.5, en;q=0.4")).toBe("es");
    expect(answerLanguageOf("en;q=0.5, es")).toBe("es");
    expect(answerLanguageOf("ES")).toBe("es");
  });

  it("takes the record's language when the caller names none Upstand speaks, else English", () => {
    expect(answerLanguageOf(null, "es-US")).toBe("es");
    expect(answerLanguageOf("fr", "es")).toBe("es");
    expect(answerLanguageOf("es;q=0", "en")).toBe("en");
    expect(answerLanguageOf(null, "fr")).toBe("en");
    expect(answerLanguageOf(null)).toBe("en");
  });

  it("reads a malformed header as no header", () => {
    for (const header of ["", ";;;", "es;q=abc", "*", "__proto__", "x".repeat(10_000), ",".repeat(500)]) {
      expect(answerLanguageOf(header)).toMatch(/^(en|es)$/);
    }
    expect(answerLanguageOf("es;q=abc")).toBe("es");
  });
});

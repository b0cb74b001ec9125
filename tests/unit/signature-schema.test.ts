import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { LOCALES, type Locale } from "@/lib/domain/locale";
import { validationMessages } from "@/lib/i18n/validation-messages";
import { PARSE_OPTIONS, wordsFor } from "@/lib/validation/messages";
import { STEP_SCHEMAS } from "@/lib/validation/pledge";
import { commentLength, signatureSchema } from "@/lib/validation/signature";

const valid = {
  firstName: "Ada",
  lastName: "Lovelace",
  email: "ada@example.org",
  country: "US",
  postalCode: "20500",
  comment: "",
  isPublic: false,
  wantsUpdates: false,
  acceptsPrivacy: true,
};

// The messages in the words of the reader's language (English unless given): the schema gives
// keys, which the server and the form put into words (lib/validation/messages.ts).
function errors(input: Record<string, unknown>, locale: Locale = "en") {
  const result = signatureSchema.safeParse(input, PARSE_OPTIONS);
  const messages = validationMessages(locale);
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), wordsFor(i.message, messages)]));
}

describe("signatureSchema", () => {
  it("accepts a complete signature", () => {
    expect(signatureSchema.safeParse(valid).success).toBe(true);
  });

  it("asks for each missing field in plain words", () => {
    expect(errors({ ...valid, firstName: "  ", email: "not an address", acceptsPrivacy: false })).toEqual({
      firstName: "Enter your first name",
      email: "Enter an email address like name@example.com",
      acceptsPrivacy: "Agree to the privacy notice to sign",
    });
  });

  it("checks postal codes for the US, the UK and Canada", () => {
    expect(errors({ ...valid, postalCode: "2050" })).toEqual({
      postalCode: "Enter a 5-digit ZIP code, like 20500",
    });
    expect(errors({ ...valid, country: "GB", postalCode: "SW1A 1AA" })).toEqual({});
    expect(errors({ ...valid, country: "GB", postalCode: "12345" })).toEqual({
      postalCode: "Enter a UK postcode, like SW1A 1AA",
    });
    expect(errors({ ...valid, country: "CA", postalCode: "K1A 0B1" })).toEqual({});
    expect(errors({ ...valid, country: "CA", postalCode: "D1A 0B1" })).toEqual({
      postalCode: "Enter a Canadian postal code, like K1A 0B1",
    });
  });

  it("needs only names, email, country and consent from an API caller outside the US, UK and Canada", () => {
    expect(
      errors({
        firstName: "Ada",
        lastName: "L",
        email: "a@example.org",
        country: "FR",
        acceptsPrivacy: true,
      }),
    ).toEqual({});
  });

  it("reports a wrong postal code together with other mistakes", () => {
    expect(errors({ ...valid, firstName: "", postalCode: "1" })).toEqual({
      firstName: "Enter your first name",
      postalCode: "Enter a 5-digit ZIP code, like 20500",
    });
  });

  it("takes free text, or nothing, elsewhere", () => {
    expect(errors({ ...valid, country: "FR", postalCode: "75001" })).toEqual({});
    expect(errors({ ...valid, country: "IE", postalCode: "" })).toEqual({});
  });

  it("refuses names that start like a formula or carry a link", () => {
    for (const firstName of ["=HYPERLINK(1)", "+1", "-x", "@sum"]) {
      expect(errors({ ...valid, firstName })).toEqual({
        firstName: "Your first name cannot start with = + - or @",
      });
    }
    expect(errors({ ...valid, lastName: "visit https://spam.example" })).toEqual({
      lastName: "Your last name cannot contain a web address",
    });
    expect(errors({ ...valid, lastName: "cheap-pills.com" })).toEqual({
      lastName: "Your last name cannot contain a web address",
    });
  });

  it("limits the comment to 500 characters", () => {
    expect(errors({ ...valid, comment: "a".repeat(500) })).toEqual({});
    expect(errors({ ...valid, comment: "a".repeat(501) })).toEqual({
      comment: "Keep your comment to 500 characters or fewer",
    });
  });

  it("counts a line break once, as the counter beside the box does, however the browser sends it", () => {
    const lines = (breakAs: string) => Array.from({ length: 250 }, () => "a").join(breakAs);
    expect(commentLength(lines("\r\n"))).toBe(499);
    expect(errors({ ...valid, comment: lines("\r\n") })).toEqual({});
    expect(errors({ ...valid, comment: lines("\n") })).toEqual({});
    expect(errors({ ...valid, comment: `${lines("\r\n")}ab` })).toEqual({
      comment: "Keep your comment to 500 characters or fewer",
    });
  });

  it("refuses NUL bytes and other control characters", () => {
    expect(errors({ ...valid, comment: "hello\u0000" })).toEqual({
      comment: "Your comment contains characters we cannot accept",
    });
  });

  it("refuses wrong types with a message, not a crash", () => {
    expect(errors({ ...valid, firstName: 42, isPublic: "yes", country: ["US"] })).toMatchObject({
      firstName: "Enter your first name",
      isPublic: "Choose whether to show your name",
      country: "Choose your country",
    });
  });

  it("says each mistake in the reader's language", () => {
    const mistakes = {
      ...valid,
      firstName: "  ",
      email: "not an address",
      postalCode: "2050",
      acceptsPrivacy: false,
    };
    expect(errors(mistakes, "es")).toEqual({
      firstName: "Escriba su nombre",
      email: "Escriba un correo electrónico como nombre@ejemplo.com",
      postalCode: "Escriba un código postal (ZIP) de 5 dígitos, como 20500",
      acceptsPrivacy: "Para firmar, acepte el aviso de privacidad",
    });
    expect(errors({ ...valid, comment: "x".repeat(501) }, "es")).toEqual({
      comment: "Su comentario debe tener 500 caracteres o menos",
    });
  });

  it("gives only messages that have words in every language, whatever it is sent", () => {
    const hostile: unknown[] = [
      {},
      null,
      "text",
      { ...valid, firstName: 42, lastName: ["a"], email: {}, country: "XX", postalCode: 7 },
      {
        ...valid,
        firstName: "=SUM(A1)",
        lastName: "www.spam.com",
        email: "a".repeat(300),
        postalCode: "\u0000",
      },
      { ...valid, country: "CA", postalCode: "x".repeat(20), comment: 5, isPublic: "on", wantsUpdates: 1 },
      { ...valid, comment: "\u202e", acceptsPrivacy: "true" },
    ];
    const schemas = [signatureSchema, ...Object.values(STEP_SCHEMAS)];
    const given = new Set<string>();
    for (const schema of schemas) {
      for (const input of [
        ...hostile,
        { ...valid, commitments: "all" },
        { ...valid, commitments: [1, "Bad!"] },
      ]) {
        const result = z.safeParse(schema, input, PARSE_OPTIONS);
        for (const issue of result.success ? [] : result.error.issues) given.add(issue.message);
      }
    }
    expect(given.size).toBeGreaterThan(15);
    for (const locale of LOCALES) {
      const messages = validationMessages(locale);
      expect([...given].filter((key) => !Object.hasOwn(messages, key))).toEqual([]);
    }
  });
});

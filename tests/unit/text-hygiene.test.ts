import { describe, expect, it } from "vitest";
import { petitionContent } from "@/lib/content/content-input";
import { localityFor } from "@/lib/domain/locality";
import { petitionContentSchema } from "@/lib/validation/content";
import { supporterChangeSchema } from "@/lib/validation/moderation";
import { pledgeSchema } from "@/lib/validation/pledge";
import { requiresPostalCode, signatureSchema } from "@/lib/validation/signature";
import { validationMessages } from "@/lib/i18n/validation-messages";
import { wordsFor } from "@/lib/validation/messages";
import { isCleanLine, isCleanParagraphs, normaliseText } from "@/lib/validation/text";
import { z } from "zod";

// The text rule of docs/API.md ("Text"), through the schemas that apply it.

const valid = {
  firstName: "Ada",
  lastName: "Lovelace",
  email: "ada@example.org",
  country: "US",
  postalCode: "20500",
  comment: "",
  acceptsPrivacy: true,
};

// Schemas written with `zod` and with `zod/mini` alike (the supporter forms' are mini).
// The messages as an English reader sees them: the public schemas give keys, which the server
// puts into words (lib/i18n/validation-messages.ts); the staff schemas' words are kept as they are.
const english = validationMessages("en");

function errors(schema: z.core.$ZodType, input: unknown) {
  const result = z.core.safeParse(schema, input);
  return result.success
    ? {}
    : Object.fromEntries(
        result.error.issues.map((issue) => [String(issue.path[0]), wordsFor(issue.message, english)]),
      );
}

// One of each kind of character the rule refuses, named as docs/API.md names them.
const REFUSED: [string, string][] = [
  ["NUL", "\u0000"],
  ["tab", "\t"],
  ["LF", "\n"],
  ["CR", "\r"],
  ["DEL", "\u007f"],
  ["C1 NEL", "\u0085"],
  ["C1 CSI", "\u009b"],
  ["right-to-left override", "\u202e"],
  ["left-to-right embedding", "\u202a"],
  ["first strong isolate", "\u2068"],
  ["pop directional isolate", "\u2069"],
  ["right-to-left mark", "\u200f"],
  ["Arabic letter mark", "\u061c"],
  ["zero-width space", "\u200b"],
  ["zero-width non-joiner", "\u200c"],
  ["zero-width joiner", "\u200d"],
  ["word joiner", "\u2060"],
  ["byte order mark", "\ufeff"],
  ["soft hyphen", "\u00ad"],
  ["interlinear annotation", "\ufff9"],
  ["tag character", "\u{e0041}"],
  ["line separator", "\u2028"],
  ["paragraph separator", "\u2029"],
  ["lone surrogate", "\ud800"],
];

describe("the text rule", () => {
  it.each(REFUSED)(
    "refuses a %s in a name, a postal code and a staff title, with a plain message",
    (_, character) => {
      expect(errors(signatureSchema, { ...valid, firstName: `Ad${character}a` })).toEqual({
        firstName: "Your first name contains characters we cannot accept",
      });
      expect(
        errors(signatureSchema, {
          ...valid,
          country: "FR",
          lastName: `${character}Love`,
          postalCode: `75${character}001`,
        }),
      ).toEqual({
        lastName: "Your last name contains characters we cannot accept",
        postalCode: "Your postal code contains characters we cannot accept",
      });
      expect(errors(pledgeSchema, { ...valid, commitments: ["talk"], firstName: `Ada${character}` })).toEqual(
        {
          firstName: "Your first name contains characters we cannot accept",
        },
      );
      expect(isCleanLine(`Title${character}`)).toBe(false);
    },
  );

  it.each(REFUSED.filter(([, character]) => character !== "\n" && character !== "\r"))(
    "refuses a %s in a comment and in staff paragraphs, where line breaks are allowed",
    (_, character) => {
      expect(errors(signatureSchema, { ...valid, comment: `Because${character} I care` })).toEqual({
        comment: "Your comment contains characters we cannot accept",
      });
      expect(isCleanParagraphs(`Because${character}`)).toBe(false);
    },
  );

  it("lets ordinary line breaks into a comment, a staff paragraph and a reason, and stores them as LF", () => {
    const comment = "First line\r\nsecond line\rthird\nfourth";
    expect(errors(signatureSchema, { ...valid, comment })).toEqual({});
    expect(normaliseText(comment)).toBe("First line\nsecond line\nthird\nfourth");
    expect(
      errors(supporterChangeSchema, {
        kind: "petition",
        id: crypto.randomUUID(),
        change: "reject",
        reason: "Asked by\r\nemail",
      }),
    ).toEqual({});
    expect(
      errors(supporterChangeSchema, {
        kind: "petition",
        id: crypto.randomUUID(),
        change: "reject",
        reason: "x\u202ey",
      }),
    ).toEqual({
      reason: "The reason contains characters we cannot accept",
    });
  });

  it("keeps line breaks out of one-line staff texts", () => {
    const petition = {
      title: "A\u2028B",
      target: "C\u200bD",
      ask: "Ask\r\nmore",
      background: "Back\u0085ground",
      goal: "",
      isOpen: true,
      closesAt: "",
      reviewsComments: false,
      publishesOpenCounts: false,
    };
    expect(errors(petitionContentSchema, petition)).toEqual({
      title: "Keep the title to one line, without special characters",
      target: "Keep who is asked to act to one line, without special characters",
      background: "Remove the special characters from the background",
    });
    const accepted = { ...petition, title: "  Cafe\u0301 ", target: "Everyone", background: "Background" };
    expect(errors(petitionContentSchema, accepted)).toEqual({});
    expect(petitionContent(petitionContentSchema.parse(accepted))).toMatchObject({
      title: "Café",
      ask: "Ask\nmore",
    });
  });

  it("accepts letters of every script, accents and emoji, and stores them in NFC", () => {
    for (const firstName of [
      "Zoë",
      "Siobhán",
      "Nguyễn",
      "Łukasz",
      "محمد",
      "李",
      "Ὀδυσσεύς",
      "Ada 🙂",
      "O'Brien-Smith",
    ]) {
      expect(errors(signatureSchema, { ...valid, firstName })).toEqual({});
    }
    const decomposed = "Zoe\u0308";
    expect(errors(signatureSchema, { ...valid, firstName: decomposed })).toEqual({});
    expect(normaliseText(` ${decomposed} `)).toBe("Zo\u00eb");
  });
});

describe("lookups keyed by input", () => {
  it.each(["__proto__", "constructor", "toString", "prototype", "hasOwnProperty", "valueOf"])(
    "a country of %j is a field error, never a crash",
    (country) => {
      expect(errors(signatureSchema, { ...valid, country })).toEqual({ country: "Choose your country" });
      expect(errors(pledgeSchema, { ...valid, commitments: ["talk"], country })).toEqual({
        country: "Choose your country",
      });
      expect(requiresPostalCode(country)).toBe(false);
      expect(localityFor(country, "20500")).toBe(country);
    },
  );

  it("finds no province for a Canadian postal code starting like an inherited property", () => {
    expect(localityFor("CA", "_")).toBe("Canada");
    expect(localityFor("CA", "__proto__")).toBe("Canada");
    expect(localityFor("CA", "K1A 0B1")).toBe("Ontario, Canada");
  });

  it("takes prototype names as ordinary values and ignores them as extra keys", () => {
    expect(
      errors(signatureSchema, {
        ...valid,
        firstName: "constructor",
        lastName: "__proto__",
        comment: "toString",
      }),
    ).toEqual({});
    const withKeys = JSON.parse('{"__proto__": {"acceptsPrivacy": true}, "constructor": 1, "prototype": 2}');
    expect(errors(signatureSchema, { ...withKeys, ...valid, acceptsPrivacy: undefined })).toEqual({
      acceptsPrivacy: "Agree to the privacy notice to sign",
    });
  });
});

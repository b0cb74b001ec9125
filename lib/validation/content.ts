import { z } from "zod";
import { FIGURE_NOTATIONS, REPORTING_METHODS } from "@/lib/domain/enums";
import {
  LOCALE_NAMES,
  TRANSLATION_LOCALES,
  translatedKey,
  type TranslatedKey,
} from "@/lib/domain/translations";
import { formatNumber, STAFF_LOCALE } from "@/lib/domain/format";
import { isCleanLine, isCleanParagraphs } from "./text";

// What editors type into the content forms of the staff console, checked as typed in the
// browser and again on the server; lib/content/content-input.ts turns it into stored values.

const GOAL_MAX = 1_000_000_000;

/** "12,500" or "12500" as a number; null for anything that is not a whole number. Blank is null too. */
export function parseWholeNumber(value: string): number | null {
  const digits = value.replace(/[,\s]/g, "");
  if (!/^\d{1,16}$/.test(digits)) return null;
  const number = Number(digits);
  return Number.isSafeInteger(number) ? number : null;
}

/** A closing time typed as "2026-05-01T12:00" (a datetime-local field), read as UTC; null when it is not one. */
export function parseClosingTime(value: string): Date | null {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?$/.exec(value);
  if (!match) return null;
  const at = new Date(`${match[1]}${match[2] ?? ":00"}Z`);
  // Rejects dates that do not exist, such as February 30th, rather than rolling them over.
  return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(match[1]!) ? at : null;
}

const line = (what: string, max: number) =>
  z
    .string({ error: `Enter ${what}` })
    .max(max, `Keep ${what} to ${max} characters or fewer`)
    .refine((value) => value.trim().length > 0, `Enter ${what}`)
    .refine(isCleanLine, `Keep ${what} to one line, without special characters`);

const paragraphs = (what: string, max: number) =>
  z
    .string({ error: `Enter ${what}` })
    .max(max, `Keep ${what} to ${formatNumber(max, STAFF_LOCALE)} characters or fewer`)
    .refine((value) => value.trim().length > 0, `Enter ${what}`)
    .refine(isCleanParagraphs, `Remove the special characters from ${what}`);

// A translation may be left blank: readers of that language then see the English.
const optionalLine = (what: string, max: number) =>
  z
    .string()
    .max(max, `Keep ${what} to ${max} characters or fewer`)
    .refine(isCleanLine, `Keep ${what} to one line, without special characters`)
    .optional();

const optionalParagraphs = (what: string, max: number) =>
  z
    .string()
    .max(max, `Keep ${what} to ${formatNumber(max, STAFF_LOCALE)} characters or fewer`)
    .refine(isCleanParagraphs, `Remove the special characters from ${what}`)
    .optional();

/**
 * The translated version of each field, in every language other than English, as flat form
 * fields (`title_es`); `field(language)` builds one, its messages naming the language. Optional,
 * so that forms that add an item (English only) leave them out.
 */
function translatedShape<F extends string>(
  fields: Record<F, (language: string) => z.ZodOptional<z.ZodType<string, string>>>,
): Record<TranslatedKey<F>, z.ZodOptional<z.ZodType<string, string>>> {
  return Object.fromEntries(
    TRANSLATION_LOCALES.flatMap((locale) =>
      Object.entries<(language: string) => z.ZodOptional<z.ZodType<string, string>>>(fields).map(
        ([field, make]) => [translatedKey(field, locale), make(LOCALE_NAMES[locale])],
      ),
    ),
  ) as Record<TranslatedKey<F>, z.ZodOptional<z.ZodType<string, string>>>;
}

const wholeNumber = (message: string, min: number, max: number, { isOptional }: { isOptional: boolean }) =>
  z.string({ error: message }).refine((value) => {
    if (isOptional && value.trim() === "") return true;
    const number = parseWholeNumber(value);
    return number !== null && number >= min && number <= max;
  }, message);

const goal = wholeNumber(
  "Enter a whole number of at least 1, like 10,000, or leave it blank for the automatic goal",
  1,
  GOAL_MAX,
  {
    isOptional: true,
  },
);

const closesAt = z
  .string({ error: "Enter a date and time, or leave it blank" })
  .refine(
    (value) => value === "" || parseClosingTime(value) !== null,
    "Enter a date and time like 2026-05-01 12:00, or leave it blank",
  );

export const petitionContentSchema = z.object({
  title: line("the title", 200),
  target: line("who is asked to act", 200),
  ask: paragraphs("the ask", 1_000),
  background: paragraphs("the background", 10_000),
  goal,
  isOpen: z.boolean(),
  closesAt,
  reviewsComments: z.boolean(),
  publishesOpenCounts: z.boolean(),
  ...translatedShape({
    title: (language) => optionalLine(`the ${language} title`, 200),
    target: (language) => optionalLine(`who is asked to act, in ${language},`, 200),
    ask: (language) => optionalParagraphs(`the ${language} ask`, 1_000),
    background: (language) => optionalParagraphs(`the ${language} background`, 10_000),
  }),
});
export type PetitionContentInput = z.infer<typeof petitionContentSchema>;

export const pledgeContentSchema = z.object({
  title: line("the title", 200),
  statement: paragraphs("the statement", 500),
  background: paragraphs("the background", 10_000),
  goal,
  isOpen: z.boolean(),
  closesAt,
  publishesOpenCounts: z.boolean(),
  ...translatedShape({
    title: (language) => optionalLine(`the ${language} title`, 200),
    statement: (language) => optionalParagraphs(`the ${language} statement`, 500),
    background: (language) => optionalParagraphs(`the ${language} background`, 10_000),
  }),
});
export type PledgeContentInput = z.infer<typeof pledgeContentSchema>;

export const commitmentSchema = z.object({
  title: line("the commitment", 200),
  description: paragraphs("the description", 1_000),
  threshold: wholeNumber(
    "Enter how many people must take it first, like 100, or leave it blank to switch it on at once",
    1,
    GOAL_MAX,
    { isOptional: true },
  ),
  ...translatedShape({
    title: (language) => optionalLine(`the ${language} commitment`, 200),
    description: (language) => optionalParagraphs(`the ${language} description`, 1_000),
  }),
});
export type CommitmentInput = z.infer<typeof commitmentSchema>;

export const impactFigureSchema = z.object({
  value: z
    .string({ error: "Enter the figure" })
    .refine((value) => parseWholeNumber(value) !== null, "Enter the figure as a whole number, like 140,000"),
  isLowerBound: z.boolean(),
  notation: z.enum(FIGURE_NOTATIONS, { error: "Choose how to write the number" }),
  unit: line("what one unit is, like teens", 100),
  counts: paragraphs("what the figure counts", 300),
  // The attribution: a figure is never shown without who reported it, where, and for when.
  period: line("the year or period the figure covers, like 2017", 100),
  reportedBy: line("who reported the figure", 200),
  reportedIn: line("where it was reported, like its 2017 impact report", 200),
  quotedBy: z
    .string()
    .max(200, "Keep who quoted it to 200 characters or fewer")
    .refine(isCleanLine, "Keep who quoted it to one line, without special characters"),
  sourceUrl: z
    .string()
    .max(2_000, "Keep the address to 2,000 characters or fewer")
    .refine(
      (value) =>
        value.trim() === "" || (/^https?:\/\/\S+$/i.test(value.trim()) && URL.canParse(value.trim())),
      "Enter a web address starting with https://, or leave it blank",
    ),
  method: z.enum(REPORTING_METHODS, { error: "Choose how the figure was established" }),
  sortOrder: wholeNumber("Enter a whole number from 0 to 1,000; lower numbers come first", 0, 1_000, {
    isOptional: false,
  }),
  ...translatedShape({
    unit: (language) => optionalLine(`the ${language} unit`, 100),
    counts: (language) => optionalParagraphs(`what the figure counts, in ${language},`, 300),
    period: (language) => optionalLine(`the ${language} period`, 100),
  }),
});
export type ImpactFigureInput = z.infer<typeof impactFigureSchema>;

export const storyPageSchema = z.object({
  title: line("the title", 200),
  summary: line("the summary", 300),
  body: paragraphs("the text", 20_000),
  ...translatedShape({
    title: (language) => optionalLine(`the ${language} title`, 200),
    summary: (language) => optionalLine(`the ${language} summary`, 300),
    body: (language) => optionalParagraphs(`the ${language} text`, 20_000),
  }),
});
export type StoryPageInput = z.infer<typeof storyPageSchema>;

/** A new figure also needs its slug, which story pages use to show it; it never changes after. */
export const newImpactFigureSchema = impactFigureSchema.extend({
  slug: z
    .string({ error: "Enter a short name for the figure" })
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lower-case letters, digits and hyphens, like teens-educated")
    .max(60, "Keep the short name to 60 characters or fewer")
    // "new" is the address of the form that adds a figure.
    .refine((value) => value !== "new", "Choose another short name: “new” is taken by the console"),
});
export type NewImpactFigureInput = z.infer<typeof newImpactFigureSchema>;

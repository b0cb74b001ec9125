import type {
  CommitmentContent,
  ImpactFigureContent,
  PetitionContent,
  PledgeContent,
  StoryPageContent,
} from "@/lib/domain/content";
import {
  parseClosingTime,
  parseWholeNumber,
  type CommitmentInput,
  type ImpactFigureInput,
  type PetitionContentInput,
  type PledgeContentInput,
  type StoryPageInput,
} from "@/lib/validation/content";
import {
  isTranslatedKey,
  TRANSLATABLE_FIELDS,
  TRANSLATION_LOCALES,
  translatedKey,
  type TranslatedFields,
} from "@/lib/domain/translations";
import { normaliseText } from "@/lib/validation/text";

// From what an editor typed (already checked by lib/validation/content.ts) to what is stored:
// text normalised (lib/validation/text.ts: NFC, trimmed, the browser's CRLF line ends made LF so
// that an untouched field is not recorded as changed), numbers read, blanks made null.

const text = normaliseText;
const optionalText = (value: string) => text(value) || null;
const optionalNumber = (value: string) => (value.trim() === "" ? null : parseWholeNumber(value));

/**
 * Each translated field sent as stored: normalised, or null when left blank (readers then see
 * English). One not sent at all is left out, and its stored translation is left alone.
 */
function translatedContent<F extends string>(
  fields: readonly F[],
  input: Partial<Record<string, unknown>>,
): Partial<TranslatedFields<F>> {
  return Object.fromEntries(
    TRANSLATION_LOCALES.flatMap((locale) =>
      fields.flatMap((field) => {
        const key = translatedKey(field, locale);
        const value = input[key];
        return typeof value === "string" ? [[key, optionalText(value)]] : [];
      }),
    ),
  ) as Partial<TranslatedFields<F>>;
}

export function petitionContent(input: PetitionContentInput): PetitionContent {
  return {
    title: text(input.title),
    target: text(input.target),
    ask: text(input.ask),
    background: text(input.background),
    goal: optionalNumber(input.goal),
    isOpen: input.isOpen,
    closesAt: parseClosingTime(input.closesAt),
    reviewsComments: input.reviewsComments,
    publishesOpenCounts: input.publishesOpenCounts,
    ...translatedContent(TRANSLATABLE_FIELDS.petition, input),
  };
}

export function pledgeContent(input: PledgeContentInput): PledgeContent {
  return {
    title: text(input.title),
    statement: text(input.statement),
    background: text(input.background),
    goal: optionalNumber(input.goal),
    isOpen: input.isOpen,
    closesAt: parseClosingTime(input.closesAt),
    publishesOpenCounts: input.publishesOpenCounts,
    ...translatedContent(TRANSLATABLE_FIELDS.pledge, input),
  };
}

export function commitmentContent(input: CommitmentInput): CommitmentContent {
  return {
    title: text(input.title),
    description: text(input.description),
    threshold: optionalNumber(input.threshold),
    ...translatedContent(TRANSLATABLE_FIELDS.commitment, input),
  };
}

export function impactFigureContent(input: ImpactFigureInput): ImpactFigureContent {
  return {
    value: parseWholeNumber(input.value) ?? 0,
    isLowerBound: input.isLowerBound,
    notation: input.notation,
    unit: text(input.unit),
    counts: text(input.counts),
    period: text(input.period),
    reportedBy: text(input.reportedBy),
    reportedIn: text(input.reportedIn),
    quotedBy: optionalText(input.quotedBy),
    sourceUrl: optionalText(input.sourceUrl),
    method: input.method,
    sortOrder: parseWholeNumber(input.sortOrder) ?? 0,
    ...translatedContent(TRANSLATABLE_FIELDS.figure, input),
  };
}

export function storyPageContent(input: StoryPageInput): StoryPageContent {
  return {
    title: text(input.title),
    summary: text(input.summary),
    body: text(input.body),
    ...translatedContent(TRANSLATABLE_FIELDS.story, input),
  };
}

/** A stored item's translated fields as an edit form's values: "" where there is no translation. */
export function translatedFieldValues(item: object): Record<string, string> {
  return Object.fromEntries(
    Object.entries(item).flatMap(([key, value]) =>
      isTranslatedKey(key) ? [[key, typeof value === "string" ? value : ""]] : [],
    ),
  );
}

/** The value a datetime-local field shows for a stored closing time, in UTC like the field's label says. */
export function closingTimeField(at: Date | null): string {
  return at ? at.toISOString().slice(0, 16) : "";
}

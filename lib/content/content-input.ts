import type {
  CommitmentContent,
  ImpactFigureContent,
  PetitionContent,
  PledgeContent,
} from "@/lib/domain/content";
import {
  parseClosingTime,
  parseWholeNumber,
  type CommitmentInput,
  type ImpactFigureInput,
  type PetitionContentInput,
  type PledgeContentInput,
} from "@/lib/validation/content";
import { normaliseText } from "@/lib/validation/text";

// From what an editor typed (already checked by lib/validation/content.ts) to what is stored:
// text normalised (lib/validation/text.ts: NFC, trimmed, the browser's CRLF line ends made LF so
// that an untouched field is not recorded as changed), numbers read, blanks made null.

const text = normaliseText;
const optionalText = (value: string) => text(value) || null;
const optionalNumber = (value: string) => (value.trim() === "" ? null : parseWholeNumber(value));

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
  };
}

export function commitmentContent(input: CommitmentInput): CommitmentContent {
  return {
    title: text(input.title),
    description: text(input.description),
    threshold: optionalNumber(input.threshold),
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
  };
}

/** The value a datetime-local field shows for a stored closing time, in UTC like the field's label says. */
export function closingTimeField(at: Date | null): string {
  return at ? at.toISOString().slice(0, 16) : "";
}

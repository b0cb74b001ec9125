import type { FigureNotation, ReportingMethod } from "@/db/schema/enums";
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

export interface PetitionContent {
  title: string;
  target: string;
  ask: string;
  background: string;
  /** Null: the goal steps up automatically (lib/domain/goal.ts). */
  goal: number | null;
  isOpen: boolean;
  closesAt: Date | null;
}

export interface PledgeContent {
  title: string;
  statement: string;
  background: string;
  goal: number | null;
  isOpen: boolean;
  closesAt: Date | null;
}

export interface CommitmentContent {
  title: string;
  description: string;
  threshold: number | null;
}

export interface ImpactFigureContent {
  value: number;
  isLowerBound: boolean;
  notation: FigureNotation;
  unit: string;
  counts: string;
  period: string;
  reportedBy: string;
  reportedIn: string;
  quotedBy: string | null;
  sourceUrl: string | null;
  method: ReportingMethod;
  sortOrder: number;
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
  return { title: text(input.title), description: text(input.description), threshold: optionalNumber(input.threshold) };
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

/** "Talk with my school" -> "talk-with-my-school": a new commitment's slug, which its takers' links carry. */
export function slugFromTitle(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || "commitment";
}

/** The value a datetime-local field shows for a stored closing time, in UTC like the field's label says. */
export function closingTimeField(at: Date | null): string {
  return at ? at.toISOString().slice(0, 16) : "";
}

import type { FigureNotation, ReportingMethod } from "./enums";
import type { TranslatableField, TranslatedFields } from "./translations";

// Campaign content as it is stored: what lib/content/content-input.ts makes of an editor's input,
// and what db/queries/content*.ts write.

// Each has its translations as flat fields (`title_es`, null when untranslated): an edit
// compares and audits them field by field, like the English ones. A content without them leaves
// the stored translations as they are.

export interface PetitionContent extends Partial<TranslatedFields<TranslatableField<"petition">>> {
  title: string;
  target: string;
  ask: string;
  background: string;
  /** Null: the goal steps up automatically (lib/domain/goal.ts). */
  goal: number | null;
  isOpen: boolean;
  closesAt: Date | null;
  /** Pre-moderation: every comment waits for staff approval before it is shown. */
  reviewsComments: boolean;
  /** Verified counts by place and time are public (db/queries/open-counts.ts). */
  publishesOpenCounts: boolean;
}

export interface PledgeContent extends Partial<TranslatedFields<TranslatableField<"pledge">>> {
  title: string;
  statement: string;
  background: string;
  goal: number | null;
  isOpen: boolean;
  closesAt: Date | null;
  publishesOpenCounts: boolean;
}

export interface CommitmentContent extends Partial<TranslatedFields<TranslatableField<"commitment">>> {
  title: string;
  description: string;
  threshold: number | null;
}

export interface ImpactFigureContent extends Partial<TranslatedFields<TranslatableField<"figure">>> {
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

/** A page of the story: the body is paragraphs, "## " subheadings and "> quote — attribution" lines. */
export interface StoryPageContent extends Partial<TranslatedFields<TranslatableField<"story">>> {
  title: string;
  summary: string;
  body: string;
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

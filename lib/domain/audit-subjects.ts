// What an audit entry's subject id points at. The stored subject type alone does not say: a
// supporter's entries store the kind of support ("petition"), a petition's entries store "petition"
// too, and a comment's store its signature's id. The action settles it.

export type AuditSubjectKind =
  "signature" | "pledge-taker" | "petition" | "pledge" | "figure" | "commitment" | "staff";

const BY_SUBJECT_TYPE: Record<string, AuditSubjectKind> = {
  petition: "petition",
  pledge: "pledge",
  signature: "signature",
  impact_figure: "figure",
  pledge_commitment: "commitment",
  staff: "staff",
};

/** Actions whose subject is one supporter (a signature or a pledge taker), stored under its kind. */
const isAboutOneSupporter = (action: string) =>
  action.startsWith("supporter.") || action.startsWith("comment.");

/** Null when the entry names no subject, or one of a type the log does not know. */
export function auditSubjectKindOf(action: string, subjectType: string | null): AuditSubjectKind | null {
  if (!subjectType) return null;
  if (isAboutOneSupporter(action)) {
    if (subjectType === "petition") return "signature";
    if (subjectType === "pledge") return "pledge-taker";
  }
  return BY_SUBJECT_TYPE[subjectType] ?? null;
}

/** An entry's subject with the words that name it, as db/queries/audit.ts reads them. */
export type AuditSubject =
  | {
      kind: "signature" | "pledge-taker";
      id: string;
      firstName: string | null;
      lastInitial: string | null;
      isErased: boolean;
      parentTitle: string;
    }
  | { kind: "petition" | "pledge"; id: string; title: string; slug: string }
  | { kind: "figure"; id: string; label: string; slug: string }
  | { kind: "commitment"; id: string; title: string; pledgeTitle: string; pledgeSlug: string }
  | { kind: "staff"; id: string; email: string };

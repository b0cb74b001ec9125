import type { AuditSubject } from "@/lib/domain/audit-subjects";
import { formatNumber, STAFF_LOCALE } from "@/lib/domain/format";
import type { DetailLine } from "./detail-words";

// The pieces audit sentences are built from (lib/audit/describe-entry.ts): how an entry's subject
// is named and linked, and how counts of supporters are said.

export interface AuditEntryFacts {
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  details: Record<string, unknown>;
  rowCount: number | null;
  /** The subject with the words that name it, when it still exists. */
  subject: AuditSubject | null;
}

/** A run of the sentence; with `href`, a link to the subject's page. */
export interface SentencePart {
  text: string;
  href?: string;
}

export interface AuditDescription {
  sentence: SentencePart[];
  /** The details the sentence does not already say. */
  details: DetailLine[];
}

export type Phrase = string | SentencePart | null | false | undefined;
export interface Said {
  says: Phrase[];
  /** The details left to list under the sentence; all of them when absent. */
  rest?: Record<string, unknown>;
}
export type Describer = (entry: AuditEntryFacts) => Said;

type Kind = "petition" | "pledge";
export const kindOf = (entry: AuditEntryFacts): Kind =>
  entry.subjectType === "pledge" ? "pledge" : "petition";
export const NOUNS = {
  petition: { one: "signature", many: "signatures", on: "on" },
  pledge: { one: "pledge", many: "pledges", on: "to" },
} as const;

export const count = (n: number | null | undefined, one: string, many: string) =>
  typeof n === "number" ? `${formatNumber(n, STAFF_LOCALE)} ${n === 1 ? one : many}` : many;
const supporters = (entry: AuditEntryFacts, n: number | null = entry.rowCount) =>
  count(n, NOUNS[kindOf(entry)].one, NOUNS[kindOf(entry)].many);
export const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);
export const omit = (details: Record<string, unknown>, ...keys: string[]) =>
  Object.fromEntries(Object.entries(details).filter(([key]) => !keys.includes(key)));

/** "Jane D.’s signature on “Protect children online”", linked to the signature's page. */
export function supporterPhrase(entry: AuditEntryFacts, noun?: string): Phrase[] {
  const kind = kindOf(entry);
  const { one, on } = NOUNS[kind];
  const subject = entry.subject;
  if (subject?.kind !== "signature" && subject?.kind !== "pledge-taker")
    return [`a ${noun ?? one} that no longer exists`];
  const name = [subject.firstName, subject.lastInitial && `${subject.lastInitial}.`]
    .filter(Boolean)
    .join(" ");
  const who = subject.isErased ? "an erased supporter" : name || "a supporter with no name";
  const href = `/staff/signatures/${subject.id}${kind === "pledge" ? "?kind=pledge" : ""}`;
  const linked = noun ? `${noun} by ${who}` : `${who}’s ${one}`;
  return [{ text: linked, href }, ` ${on} “${subject.parentTitle}”`];
}

/** "the petition “Protect children online”", linked to where it is edited. */
export function parentPhrase(entry: AuditEntryFacts): Phrase[] {
  const kind = kindOf(entry);
  const subject = entry.subject;
  if (subject?.kind === "petition" || subject?.kind === "pledge")
    return [
      `the ${subject.kind} `,
      { text: `“${subject.title}”`, href: `/staff/content/${subject.kind}s/${subject.slug}` },
    ];
  if (entry.subjectId) return [`a ${kind} that no longer exists`];
  const slug = text(entry.details.slug);
  return [slug ? `the ${kind} ${slug}` : `every ${kind}`];
}

/** "14 signatures of the petition “…”", or "signatures of every petition" when no count was kept. */
export const groupPhrase = (entry: AuditEntryFacts, n: number | null = entry.rowCount): Phrase[] => [
  `${supporters(entry, n)} ${entry.subjectId || text(entry.details.slug) ? "of" : "across"} `,
  ...parentPhrase(entry),
];

export function staffPhrase(entry: AuditEntryFacts): Phrase[] {
  const subject = entry.subject;
  const email = subject?.kind === "staff" ? subject.email : text(entry.details.email);
  return email ? [{ text: email, href: "/staff/team" }] : ["a member of staff who no longer exists"];
}

/** The states a group of supporters left: "3 pending and 34 verified". */
/** The states a group of supporters left: "3 pending and 34 verified". */
export function byStateWords(byState: unknown, words: Record<string, string> = {}): string | null {
  if (!byState || typeof byState !== "object") return null;
  const parts = Object.entries(byState)
    .filter(([, n]) => typeof n === "number" && n > 0)
    .map(([state, n]) => `${formatNumber(n as number, STAFF_LOCALE)} ${words[state] ?? state}`);
  return parts.length ? parts.join(" and ") : null;
}

/** A held supporter in state "held" has confirmed; one still "pending" has not. */
export const HELD_STATES = { held: "confirmed", pending: "not yet confirmed" };

/** A petition, pledge, figure or commitment, linked to the page where it is edited. */
export function contentPhrase(entry: AuditEntryFacts, noun: string): Phrase[] {
  const subject = entry.subject;
  if (subject?.kind === "figure")
    return ["the figure ", { text: `“${subject.label}”`, href: `/staff/content/figures/${subject.slug}` }];
  if (subject?.kind === "commitment")
    return [
      "the commitment ",
      { text: `“${subject.title}”`, href: `/staff/content/pledges/${subject.pledgeSlug}` },
      ` of the pledge “${subject.pledgeTitle}”`,
    ];
  if (subject?.kind === "petition" || subject?.kind === "pledge") return parentPhrase(entry);
  const item = text(entry.details.item);
  return [item ? `the ${noun} ${item}` : `a ${noun} that no longer exists`];
}

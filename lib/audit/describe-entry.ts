import type { AuditSubject } from "@/lib/domain/audit-subjects";
import { changeWords, detailLines, formatNumber, labelOf, type DetailLine } from "./detail-words";

// Each audit entry as a sentence a member of staff can read, naming what it is about and linking
// to that thing's page in the console. Every action the app writes has its sentence here
// (tests/unit/audit-sentences.test.ts finds them in the source); an older or unknown one is read out
// from its name.

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

type Phrase = string | SentencePart | null | false | undefined;
interface Said {
  says: Phrase[];
  /** The details left to list under the sentence; all of them when absent. */
  rest?: Record<string, unknown>;
}
type Describer = (entry: AuditEntryFacts) => Said;

type Kind = "petition" | "pledge";
const kindOf = (entry: AuditEntryFacts): Kind => (entry.subjectType === "pledge" ? "pledge" : "petition");
const NOUNS = {
  petition: { one: "signature", many: "signatures", on: "on" },
  pledge: { one: "pledge", many: "pledges", on: "to" },
} as const;

const count = (n: number | null | undefined, one: string, many: string) =>
  typeof n === "number" ? `${formatNumber(n)} ${n === 1 ? one : many}` : many;
const supporters = (entry: AuditEntryFacts, n: number | null = entry.rowCount) =>
  count(n, NOUNS[kindOf(entry)].one, NOUNS[kindOf(entry)].many);
const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);
const omit = (details: Record<string, unknown>, ...keys: string[]) =>
  Object.fromEntries(Object.entries(details).filter(([key]) => !keys.includes(key)));

/** "Jane D.’s signature on “Protect children online”", linked to the signature's page. */
function supporterPhrase(entry: AuditEntryFacts, noun?: string): Phrase[] {
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
function parentPhrase(entry: AuditEntryFacts): Phrase[] {
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
const groupPhrase = (entry: AuditEntryFacts, n: number | null = entry.rowCount): Phrase[] => [
  `${supporters(entry, n)} ${entry.subjectId || text(entry.details.slug) ? "of" : "across"} `,
  ...parentPhrase(entry),
];

function staffPhrase(entry: AuditEntryFacts): Phrase[] {
  const subject = entry.subject;
  const email = subject?.kind === "staff" ? subject.email : text(entry.details.email);
  return email ? [{ text: email, href: "/staff/team" }] : ["a member of staff who no longer exists"];
}

/** The states a group of supporters left: "3 pending and 34 verified". */
/** The states a group of supporters left: "3 pending and 34 verified". */
function byStateWords(byState: unknown, words: Record<string, string> = {}): string | null {
  if (!byState || typeof byState !== "object") return null;
  const parts = Object.entries(byState)
    .filter(([, n]) => typeof n === "number" && n > 0)
    .map(([state, n]) => `${formatNumber(n as number)} ${words[state] ?? state}`);
  return parts.length ? parts.join(" and ") : null;
}

/** A held supporter in state "held" has confirmed; one still "pending" has not. */
const HELD_STATES = { held: "confirmed", pending: "not yet confirmed" };

function stateChange(verb: string): Describer {
  return (entry) => {
    const from = text(entry.details.from);
    const to = text(entry.details.to);
    return {
      says:
        from && to
          ? ["Changed ", ...supporterPhrase(entry), ` from ${from} to ${to}`]
          : [verb, " ", ...supporterPhrase(entry)],
      rest: omit(entry.details, "from", "to"),
    };
  };
}

function groupDecision(verb: string): Describer {
  return (entry) => {
    const group = entry.details;
    const value = text(group.value);
    const from = value && (group.by === "domain" ? ` from the email domain ${value}` : ` from ${value}`);
    const was = byStateWords(group.byState, HELD_STATES);
    const { one, many } = NOUNS[kindOf(entry)];
    const held = count(entry.rowCount, `held ${one}`, `held ${many}`);
    if (group.automatic === true)
      return {
        says: [
          `Automatically ${verb.toLowerCase()} `,
          held,
          " that had waited long enough",
          was && ` (${was})`,
        ],
        rest: omit(group, "automatic", "byState"),
      };
    return {
      says: [`${verb} `, held, " of ", ...parentPhrase(entry), from, was && ` (${was})`],
      rest: omit(group, "kind", "slug", "title", "by", "value", "byState"),
    };
  };
}

function contentEdit(noun: string): Describer {
  return (entry) => {
    const changes = entry.details.changes;
    const changed = changes && typeof changes === "object" ? Object.entries(changes) : [];
    const fields = changed.map(([key]) => labelOf(key).toLowerCase());
    return {
      says: ["Edited ", ...contentPhrase(entry, noun), fields.length ? `: ${fields.join(", ")}` : ""],
      rest: Object.fromEntries(changed.map(([key, change]) => [key, changeWords(change)])),
    };
  };
}

/** A petition, pledge, figure or commitment, linked to the page where it is edited. */
function contentPhrase(entry: AuditEntryFacts, noun: string): Phrase[] {
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

const SIGN_IN_METHODS: Record<string, string> = { password: "with a password", link: "with an emailed link" };

/** Every action the app writes to the audit log, with the sentence that reads it out. */
export const AUDIT_SENTENCES = {
  "export.supporters": (entry) => ({
    says: [
      "Exported ",
      ...groupPhrase(entry),
      entry.details.format === "jsonl" ? " as JSON Lines" : entry.details.format === "csv" ? " as CSV" : "",
      entry.details.isComplete === false ? ", stopped before the end" : "",
    ],
    rest: omit(
      entry.details,
      "slug",
      "format",
      "isComplete",
      entry.details.optedInOnly === false ? "optedInOnly" : "",
    ),
  }),
  "supporter.read": (entry) => ({
    says: ["Opened ", ...supporterPhrase(entry)],
    rest: omit(entry.details, "slug"),
  }),
  "supporter.reject": stateChange("Rejected"),
  "supporter.restore": stateChange("Restored"),
  "supporter.erase": (entry) => ({
    says: ["Erased the personal data of ", ...supporterPhrase(entry)],
  }),
  "supporter.updates-off": (entry) => ({
    says: [
      "Turned off updates for ",
      ...supporterPhrase(entry),
      entry.details.via === "one-click"
        ? ", by the one-click link in an email"
        : entry.details.via === "page"
          ? ", on the page an emailed link opens"
          : "",
    ],
    rest: omit(entry.details, "via"),
  }),
  "supporters.search": (entry) => ({
    says: [
      `Searched the ${NOUNS[kindOf(entry)].many} of `,
      text(entry.details.slug)
        ? `the ${kindOf(entry)} ${text(entry.details.slug)}`
        : `every ${kindOf(entry)}`,
      `: ${count(entry.rowCount, "match", "matches")} on the ${entry.details.page === "later" ? "next" : "first"} page`,
    ],
    rest: omit(entry.details, "kind", "slug", "page"),
  }),
  "supporters.bulk-preview": (entry) => ({
    says: ["Previewed rejecting ", ...groupPhrase(entry), " at once"],
    rest: omit(entry.details, "kind", "slug"),
  }),
  "supporters.bulk-reject": (entry) => ({
    says: [
      "Rejected ",
      ...groupPhrase(entry),
      " at once",
      byStateWords(entry.details.byState) && ` (${byStateWords(entry.details.byState)})`,
    ],
    rest: omit({ ...(entry.details.rule as object), reason: entry.details.reason }, "kind", "slug"),
  }),
  "supporters.held-list": (entry) => ({
    says: [
      "Listed the held supporters, grouped by ",
      entry.details.by === "domain" ? "email domain" : "address",
      `: ${count(entry.rowCount, "group", "groups")}`,
    ],
    rest: omit(entry.details, "by"),
  }),
  "supporters.held-preview": groupDecision("Previewed"),
  "supporters.held-release": groupDecision("Released"),
  "supporters.held-reject": groupDecision("Rejected"),
  "content.petition.update": contentEdit("petition"),
  "content.pledge.update": contentEdit("pledge"),
  "content.figure.update": contentEdit("figure"),
  "content.figure.add": (entry) => ({
    says: ["Added ", ...contentPhrase(entry, "figure")],
    rest: { ...(entry.details.added as object) },
  }),
  "content.commitment.update": contentEdit("commitment"),
  "content.commitment.add": (entry) => ({
    says: ["Added ", ...contentPhrase(entry, "commitment")],
    rest: { ...(entry.details.added as object) },
  }),
  "content.commitment.retire": (entry) => ({
    says: ["Retired ", ...contentPhrase(entry, "commitment"), ": new pledge takers no longer see it"],
    rest: {},
  }),
  "content.commitment.restore": (entry) => ({
    says: ["Offered ", ...contentPhrase(entry, "commitment"), " again"],
    rest: {},
  }),
  "comment.keep": (entry) => commentDecision(entry, "Kept"),
  "comment.remove": (entry) => commentDecision(entry, "Removed"),
  "staff.add": (entry) => ({
    says: [
      "Added ",
      ...staffPhrase(entry),
      " to the team",
      text(entry.details.role) && ` as ${article(text(entry.details.role)!)}`,
    ],
    rest: omit(entry.details, "email", "role"),
  }),
  "staff.disable": (entry) => ({
    says: ["Turned off the access of ", ...staffPhrase(entry)],
    rest: omit(entry.details, "email"),
  }),
  "staff.enable": (entry) => ({
    says: ["Turned the access of ", ...staffPhrase(entry), " back on"],
    rest: omit(entry.details, "email"),
  }),
  "staff.sign-out-everywhere": (entry) => ({
    says: ["Signed ", ...staffPhrase(entry), " out on every device"],
    rest: omit(entry.details, "email"),
  }),
  "staff.set-password": (entry) => ({ says: ["Set a new password for ", ...staffPhrase(entry)] }),
  "staff.sign-in": (entry) => ({
    says: ["Signed in ", SIGN_IN_METHODS[String(entry.details.method)] ?? ""],
    rest: omit(entry.details, "method", "email"),
  }),
  "staff.sign-in-failed": (entry) => {
    const method = SIGN_IN_METHODS[String(entry.details.method)];
    const reason = text(entry.details.reason);
    const isMember = Boolean(entry.subject) || Boolean(text(entry.details.email));
    return {
      says: [
        "Failed to sign in",
        ...(isMember ? [" as ", ...staffPhrase(entry)] : [" with an address that is no active member’s"]),
        method && ` ${method}`,
        reason && `: ${reason}`,
      ],
      rest: omit(entry.details, "method", "email", "account", "reason"),
    };
  },
  "staff.sign-out": () => ({ says: ["Signed out"] }),
  "staff.sign-in-link": (entry) => ({
    says: ["Made a sign-in link for ", ...staffPhrase(entry), " at the command line"],
    rest: omit(entry.details, "email"),
  }),
  "counts.reconciled": (entry) => ({
    says: [
      "Checked ",
      count(typeof entry.details.checked === "number" ? entry.details.checked : null, "count", "counts"),
      " against the supporters and repaired ",
      formatNumber(
        typeof entry.details.repaired === "number" ? entry.details.repaired : (entry.rowCount ?? 0),
      ),
    ],
    rest: omit(entry.details, "checked", "repaired"),
  }),
} satisfies Record<string, Describer>;

export type AuditAction = keyof typeof AUDIT_SENTENCES;

function commentDecision(entry: AuditEntryFacts, verb: string): Said {
  const reports = typeof entry.details.reports === "number" ? entry.details.reports : 0;
  const why =
    entry.details.was === "awaiting approval" ? "a comment awaiting approval" : "a reported comment";
  return {
    says: [
      `${verb} `,
      ...supporterPhrase(entry, why),
      reports > 0 ? ` (${count(reports, "report", "reports")})` : "",
    ],
    rest: omit(entry.details, "petition", "was", "reports"),
  };
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`);

const isKnown = (action: string): action is AuditAction => Object.hasOwn(AUDIT_SENTENCES, action);

/** An action the app no longer writes, read out from its name: "signature.state-change" → "Signature state change". */
function describeUnknown(entry: AuditEntryFacts): Said {
  const subject = entry.subject;
  const about: Phrase[] =
    subject?.kind === "signature" || subject?.kind === "pledge-taker"
      ? supporterPhrase({ ...entry, subjectType: subject.kind === "signature" ? "petition" : "pledge" })
      : subject?.kind === "staff"
        ? staffPhrase(entry)
        : subject
          ? contentPhrase(entry, subject.kind)
          : [];
  const rows = entry.rowCount === null ? "" : ` (${count(entry.rowCount, "row", "rows")})`;
  return { says: [labelOf(entry.action), about.length ? ": " : "", ...about, rows] };
}

/** The sentence for one entry, and the details it leaves to be listed. */
export function describeAuditEntry(entry: AuditEntryFacts): AuditDescription {
  const said = isKnown(entry.action)
    ? (AUDIT_SENTENCES[entry.action] as Describer)(entry)
    : describeUnknown(entry);
  const sentence = said.says
    .filter((part): part is string | SentencePart => Boolean(part))
    .map((part) => (typeof part === "string" ? { text: part } : part));
  return { sentence, details: detailLines(said.rest ?? entry.details) };
}

/** The sentence as plain text, for tests and for a screen reader's summary. */
export const sentenceText = (description: AuditDescription) =>
  description.sentence.map((part) => part.text).join("");

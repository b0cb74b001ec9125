import { formatNumber, STAFF_LOCALE } from "@/lib/domain/format";
import { changeWords, detailLines, labelOf } from "./detail-words";
import {
  byStateWords,
  contentPhrase,
  count,
  groupPhrase,
  HELD_STATES,
  kindOf,
  NOUNS,
  omit,
  parentPhrase,
  staffPhrase,
  supporterPhrase,
  text,
  type AuditDescription,
  type AuditEntryFacts,
  type Describer,
  type Phrase,
  type Said,
  type SentencePart,
} from "./entry-phrases";

export type { AuditDescription, AuditEntryFacts, SentencePart } from "./entry-phrases";

// Each audit entry as a sentence a member of staff can read, naming what it is about and linking
// to that thing's page in the console. Every action the app writes has its sentence here
// (tests/unit/audit-sentences.test.ts finds them in the source); an older or unknown one is read out
// from its name.

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
  "delivery-pack.request": (entry) => ({
    says: ["Asked for a delivery pack of ", ...parentPhrase(entry)],
    rest: omit(entry.details, "slug", "pack"),
  }),
  "integrity.publish": (entry) => ({
    says: [
      "Published the integrity root of ",
      ...parentPhrase(entry),
      typeof entry.details.count === "number" ? ` over ${entry.details.count} signatures` : "",
    ],
    rest: omit(entry.details, "count"),
  }),
  "delivery-pack.made": (entry) => ({
    says: ["Made a delivery pack of ", ...groupPhrase(entry)],
    rest: omit(entry.details, "pack"),
  }),
  "delivery-pack.download": (entry) => ({
    says: [
      "Downloaded a delivery pack of ",
      ...groupPhrase(entry),
      entry.details.file === "pdf" ? " as PDF" : entry.details.file === "csv" ? " as CSV" : "",
    ],
    rest: omit(entry.details, "slug", "pack", "file"),
  }),
  "petition-update.post": (entry) => ({
    says: [`Posted the update “${text(entry.details.title) ?? ""}” on `, ...parentPhrase(entry)],
    rest: omit(entry.details, "slug", "update", "title"),
  }),
  "petition-update.edit": (entry) => ({
    says: [`Edited the update “${text(entry.details.title) ?? ""}” on `, ...parentPhrase(entry)],
    rest: omit(entry.details, "slug", "update", "title"),
  }),
  "petition-update.delete": (entry) => ({
    says: [`Deleted the update “${text(entry.details.title) ?? ""}” on `, ...parentPhrase(entry)],
    rest: omit(entry.details, "slug", "update", "title"),
  }),
  "petition-update.email": (entry) => ({
    says: [
      `Emailed the update “${text(entry.details.title) ?? ""}” to ${formatNumber(entry.rowCount ?? 0, STAFF_LOCALE)} ${entry.rowCount === 1 ? "signer" : "signers"} of `,
      ...parentPhrase(entry),
      " who asked for updates",
    ],
    rest: omit(entry.details, "slug", "update", "title"),
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
  // "Your data" (a supporter acting on their own rows, with a session opened by an emailed link).
  "your-data.request": () => ({
    says: ["Someone asked for a “Your data” link (sent only to a known address)"],
  }),
  "your-data.open": () => ({ says: ["A supporter opened “Your data” with an emailed link"] }),
  "your-data.sign-out": () => ({ says: ["A supporter signed out of “Your data”"] }),
  "your-data.download": (entry) => ({
    says: [
      "A supporter downloaded their data on “Your data”: ",
      count(entry.rowCount, "signature or pledge", "signatures and pledges"),
    ],
  }),
  "your-data.withdraw": (entry) => ({
    says: ["Withdrew ", ...supporterPhrase(entry), ", by its supporter on “Your data”"],
    rest: omit(entry.details, "from", "to"),
  }),
  "your-data.updates": (entry) => ({
    says: [
      entry.details.wantsUpdates === true ? "Turned on updates for " : "Turned off updates for ",
      ...supporterPhrase(entry),
      ", by its supporter on “Your data”",
    ],
    rest: omit(entry.details, "wantsUpdates"),
  }),
  "your-data.erase": (entry) => ({
    says: [
      "A supporter erased their own data on “Your data”: ",
      count(entry.rowCount, "signature or pledge", "signatures and pledges"),
    ],
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
  "content.story.update": contentEdit("story page"),
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
  "apikey.create": (entry) => ({
    says: [
      "Made ",
      ...apiKeyPhrase(entry),
      Array.isArray(entry.details.scopes) && ` allowed to ${entry.details.scopes.join(", ")}`,
    ],
    rest: omit(entry.details, "name", "prefix", "scopes"),
  }),
  "apikey.revoke": (entry) => ({
    says: ["Revoked ", ...apiKeyPhrase(entry), ": it no longer works"],
    rest: omit(entry.details, "name", "prefix"),
  }),
  "apikey.call": (entry) => ({
    says: [
      "Called ",
      text(entry.details.method),
      " ",
      text(entry.details.route) ?? "the API",
      " and was sent ",
      count(entry.rowCount, "row", "rows"),
    ],
    rest: { ...(entry.details.filters as object) },
  }),
  "campaign.embed-origins": (entry) => ({
    says: [
      "Set the sites allowed to frame a campaign's ",
      { text: "embeds", href: "/staff/embeds" },
      Array.isArray(entry.details.after) &&
        (entry.details.after.length ? `: ${entry.details.after.join(", ")}` : ": none"),
    ],
    rest: omit(entry.details, "after"),
  }),
  "webhook.create": (entry) => ({
    says: [
      "Registered ",
      ...webhookPhrase(entry),
      Array.isArray(entry.details.events) && ` for ${entry.details.events.join(", ")}`,
    ],
    rest: omit(entry.details, "url", "events"),
  }),
  "webhook.delete": (entry) => ({
    says: ["Deleted ", ...webhookPhrase(entry)],
    rest: omit(entry.details, "url"),
  }),
  "webhook.enable": (entry) => ({
    says: ["Enabled ", ...webhookPhrase(entry), " again"],
    rest: omit(entry.details, "url"),
  }),
  "webhook.disable": (entry) => ({
    says: [
      "Disabled ",
      ...webhookPhrase(entry),
      entry.details.reason === "gone"
        ? ": it answered 410 Gone"
        : ": every attempt failed for about three days",
    ],
    rest: omit(entry.details, "url", "reason"),
  }),
  "webhook.test": (entry) => ({
    says: ["Sent a test event to a ", { text: "webhook endpoint", href: "/staff/webhooks" }],
    rest: entry.details,
  }),
  "webhook.replay": (entry) => ({
    says: ["Replayed a delivery to a ", { text: "webhook endpoint", href: "/staff/webhooks" }],
    rest: entry.details,
  }),
  "counts.reconciled": (entry) => ({
    says: [
      "Checked ",
      count(typeof entry.details.checked === "number" ? entry.details.checked : null, "count", "counts"),
      " against the supporters and repaired ",
      formatNumber(
        typeof entry.details.repaired === "number" ? entry.details.repaired : (entry.rowCount ?? 0),
        STAFF_LOCALE,
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

/** "the API key upk_AbCd1234 “CRM sync”", linked to the keys' page. */
function apiKeyPhrase(entry: AuditEntryFacts): Phrase[] {
  const name = text(entry.details.name);
  return [
    "the API key ",
    { text: text(entry.details.prefix) ?? "that no longer exists", href: "/staff/api-keys" },
    name && ` “${name}”`,
  ];
}

/** "the webhook endpoint https://…", linked to the webhooks page. */
function webhookPhrase(entry: Pick<AuditEntryFacts, "details">): Phrase[] {
  return ["the webhook endpoint ", { text: text(entry.details.url) ?? "", href: "/staff/webhooks" }];
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

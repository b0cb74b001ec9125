import Link from "next/link";
import type { AuditLine } from "@/db/queries/audit";
import { describeAuditEntry, type SentencePart } from "@/lib/audit/describe-entry";
import { formatDateTime, STAFF_LOCALE } from "@/lib/domain/format";

const WHEN = { dateStyle: "medium", timeStyle: "medium", hourCycle: "h23", timeZone: "UTC" } as const;

/** Who acted, in words: a member's email, or what acted when nobody on the team did. */
const ACTORS: Record<string, string> = {
  automatic: "Upstand, automatically",
  "command line": "Someone at the command line",
  "not signed in": "Someone not signed in",
};

/**
 * The audit log's entries, newest first, as a list of cards rather than a table, so that it reads
 * on a phone without scrolling sideways: when (UTC), who, what they did as a sentence linking to
 * what it was done to, the details the sentence leaves out, and where the request came from.
 */
export function AuditEntries({ lines }: { lines: AuditLine[] }) {
  if (lines.length === 0) return <p data-testid="audit-log">No entries match these filters.</p>;
  return (
    <ol data-testid="audit-log" aria-label="Audit log entries, newest first" className="space-y-3">
      {lines.map((line) => (
        <AuditEntry key={line.id} line={line} />
      ))}
    </ol>
  );
}

function AuditEntry({ line }: { line: AuditLine }) {
  const { sentence, details } = describeAuditEntry(line);
  const actor = line.actorEmail ?? "the system";
  return (
    <li className="space-y-2 rounded border border-line p-3 wrap-anywhere">
      <p className="flex flex-wrap gap-x-3 text-sm text-muted">
        <time dateTime={line.at.toISOString()}>{formatDateTime(line.at, STAFF_LOCALE, WHEN)} UTC</time>
        <span>{ACTORS[actor] ?? actor}</span>
      </p>
      <p>
        {sentence.map((part, i) => (
          <SentenceRun key={i} part={part} />
        ))}
      </p>
      {details.length ? (
        <dl className="grid gap-x-3 text-sm sm:grid-cols-[auto_1fr]">
          {details.map(({ label, value }) => (
            <div key={label} className="contents">
              <dt className="text-muted">{label}</dt>
              <dd className="mb-1 sm:mb-0">{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {line.ipAddress ? <p className="text-sm text-muted">From address {line.ipAddress}</p> : null}
    </li>
  );
}

function SentenceRun({ part }: { part: SentencePart }) {
  if (!part.href) return part.text;
  return (
    <Link href={part.href} className="link">
      {part.text}
    </Link>
  );
}

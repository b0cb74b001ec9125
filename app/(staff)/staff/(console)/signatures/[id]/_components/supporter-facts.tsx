import type { ReactNode } from "react";
import type { AuditHistoryEntry } from "@/db/queries/audit";
import type { SupporterDetail } from "@/db/queries/moderation";
import { formatUtc } from "../../_components/format-utc";

const HISTORY_VERBS: Record<string, string> = {
  "supporter.reject": "Rejected",
  "supporter.restore": "Restored",
  "supporter.erase": "Erased",
  "comment.keep": "Comment kept",
  "comment.remove": "Comment removed",
};

const none = <span className="text-muted">–</span>;
const when = (moment: Date | null) => (moment ? formatUtc(moment) : none);

/** Everything staff may see of one supporter, then what staff did to it. */
export function SupporterFacts({
  supporter,
  history,
}: {
  supporter: SupporterDetail;
  history: AuditHistoryEntry[];
}) {
  const erased = supporter.isErased ? <span className="text-muted">erased</span> : none;
  const facts: [string, ReactNode][] = [
    [supporter.kind === "petition" ? "Petition" : "Pledge", supporter.title],
    [
      "State",
      <strong key="state" data-testid="supporter-state">
        {supporter.state}
      </strong>,
    ],
    ["First name", supporter.firstName ?? erased],
    ["Last name", supporter.lastName ?? erased],
    ["Email address", supporter.email ?? erased],
    ["Postal code", supporter.postalCode ?? erased],
    [
      "Country, and state or province",
      [supporter.country, supporter.locality].filter(Boolean).join(", ") || none,
    ],
    ["IP address", supporter.ipAddress ?? erased],
    ["Source", supporter.source ?? none],
    ["Referred by (code)", supporter.referredBy ?? none],
    ["Comment", supporter.comment ?? erased],
    ["Shown publicly", supporter.isPublic ? "yes" : "no"],
    ["Wants updates", supporter.wantsUpdates ? "yes" : "no"],
    ["Signed", when(supporter.createdAt)],
    ["Confirmed", when(supporter.verifiedAt)],
    [
      "Held",
      supporter.heldAt
        ? `since ${formatUtc(supporter.heldAt)}: ${supporter.holdReason ?? "no reason given"}`
        : supporter.releasedAt
          ? `released ${formatUtc(supporter.releasedAt)} (${supporter.holdReason ?? "no reason given"})`
          : none,
    ],
    [
      "Rejected",
      supporter.rejectedAt
        ? `${formatUtc(supporter.rejectedAt)}: ${supporter.rejectionReason ?? "no reason given"}`
        : none,
    ],
    ["Withdrawn", when(supporter.withdrawnAt)],
    ["Erased", when(supporter.erasedAt)],
  ];
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm" data-testid="supporter-facts">
        {facts.map(([term, detail]) => (
          <div key={term} className="contents">
            <dt className="font-semibold">{term}</dt>
            <dd className="break-words">{detail}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="history-heading" className="space-y-2">
        <h2 id="history-heading" className="font-serif text-xl font-semibold">
          What staff did
        </h2>
        {history.length === 0 ? (
          <p className="text-sm text-muted">Nothing yet.</p>
        ) : (
          <ol className="space-y-2 text-sm" data-testid="supporter-history">
            {history.map((entry, index) => (
              <li key={index}>
                <strong>
                  {Object.hasOwn(HISTORY_VERBS, entry.action) ? HISTORY_VERBS[entry.action] : entry.action}
                </strong>{" "}
                by {entry.actorEmail ?? "someone"} on {formatUtc(entry.at)}
                {typeof entry.details.reason === "string" ? <>: “{entry.details.reason}”</> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

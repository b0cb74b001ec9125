import type { AuditLine } from "@/db/queries/audit";

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

/** The audit log's lines: who, what, to what, with which details, how many rows, and from where. */
export function AuditTable({ lines }: { lines: AuditLine[] }) {
  if (lines.length === 0) return <p data-testid="audit-log">No entries match these filters.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm" data-testid="audit-log">
        <caption className="sr-only">Audit log entries, newest first (times in UTC)</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="py-2 pr-4">
              When (UTC)
            </th>
            <th scope="col" className="py-2 pr-4">
              Who
            </th>
            <th scope="col" className="py-2 pr-4">
              What
            </th>
            <th scope="col" className="py-2 pr-4">
              Subject
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              Rows
            </th>
            <th scope="col" className="py-2 pr-4">
              Details
            </th>
            <th scope="col" className="py-2">
              From address
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.id} className="border-b border-line align-top">
              <td className="py-2 pr-4 whitespace-nowrap">{when.format(line.at)}</td>
              <td className="py-2 pr-4">{line.actorEmail ?? "the system"}</td>
              <td className="py-2 pr-4 font-mono">{line.action}</td>
              <td className="py-2 pr-4 break-all">
                {line.subjectType ? `${line.subjectType} ${line.subjectId ?? ""}` : "–"}
              </td>
              <td className="py-2 pr-4 text-right tabular-nums">{line.rowCount ?? "–"}</td>
              <td className="py-2">
                <dl className="grid grid-cols-[auto_1fr] gap-x-2">
                  {Object.entries(line.details).map(([key, value]) => (
                    <div key={key} className="contents">
                      <dt className="text-muted">{key}</dt>
                      <dd className="break-all">
                        {typeof value === "string" ? value : JSON.stringify(value)}
                      </dd>
                    </div>
                  ))}
                </dl>
              </td>
              <td className="py-2 break-all">{line.ipAddress ?? "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import Link from "next/link";
import type { SupporterListRow } from "@/db/queries/moderation";
import type { SupportKind } from "@/db/queries/supporters";
import { formatUtc } from "./format-utc";

export interface SupporterTableProps {
  kind: SupportKind;
  rows: SupporterListRow[];
  caption: string;
  /** Show which petition or pledge each row belongs to. */
  showsTarget: boolean;
}

const dash = <span className="text-muted">–</span>;

/** Supporters as staff see them, each linked to its own page. */
export function SupporterTable({ kind, rows, caption, showsTarget }: SupporterTableProps) {
  return (
    <div className="overflow-x-auto">
      <table className="table-to-list w-full border-collapse text-left text-sm" data-testid="supporters">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="py-2 pr-3">
              Name
            </th>
            <th scope="col" className="py-2 pr-3">
              Email
            </th>
            <th scope="col" className="py-2 pr-3">
              State
            </th>
            <th scope="col" className="py-2 pr-3">
              Signed (UTC)
            </th>
            <th scope="col" className="py-2 pr-3">
              IP address
            </th>
            <th scope="col" className="py-2 pr-3">
              Source
            </th>
            {showsTarget ? (
              <th scope="col" className="py-2">
                {kind === "petition" ? "Petition" : "Pledge"}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-line align-top">
              <th scope="row" className="py-2 pr-3 font-semibold md:font-normal">
                <Link href={`/staff/signatures/${row.id}?kind=${kind}`} className="link">
                  {row.isErased
                    ? "(erased)"
                    : `${row.firstName ?? ""} ${row.lastName ?? ""}`.trim() || "(no name)"}
                </Link>
              </th>
              <td data-label="Email" className="py-2 pr-3 break-all">
                {row.email ?? dash}
              </td>
              <td data-label="State" className="py-2 pr-3">
                {row.state}
              </td>
              <td data-label="Signed (UTC)" className="py-2 pr-3 whitespace-nowrap tabular-nums">
                {formatUtc(row.createdAt)}
              </td>
              <td data-label="IP address" className="py-2 pr-3 tabular-nums">
                {row.ipAddress ?? dash}
              </td>
              <td data-label="Source" className="py-2 pr-3">
                {row.source ?? dash}
              </td>
              {showsTarget ? (
                <td data-label={kind === "petition" ? "Petition" : "Pledge"} className="py-2">
                  {row.title}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

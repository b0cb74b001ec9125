import Link from "next/link";
import type { ContentSummary } from "@/db/queries/content";
import { formatNumber, STAFF_LOCALE } from "@/lib/domain/format";
import { MissingTranslations } from "./missing-translations";
import { OpenState } from "./open-state";

/** The petitions, or the pledges, each with its goal, whether it is open, what is untranslated, and a link to edit it. */
export function ActionTable({ kind, rows }: { kind: "petition" | "pledge"; rows: ContentSummary[] }) {
  return (
    <table className="table-to-list w-full border-collapse text-left" data-testid={`${kind}-content`}>
      <caption className="sr-only">{kind === "petition" ? "Petitions" : "Pledges"}</caption>
      <thead>
        <tr className="border-b border-line">
          <th scope="col" className="py-2">
            Title
          </th>
          <th scope="col" className="py-2">
            Goal
          </th>
          <th scope="col" className="py-2">
            Now
          </th>
          <th scope="col" className="py-2">
            Translations
          </th>
          <th scope="col" className="py-2">
            <span className="sr-only">Edit</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.slug} className="border-b border-line align-top">
            <th scope="row" className="py-2 font-semibold md:font-normal">
              {row.title}
            </th>
            <td data-label="Goal" className="py-2 tabular-nums">
              {row.goal === null ? "automatic" : formatNumber(row.goal, STAFF_LOCALE)}
            </td>
            <td data-label="Now" className="py-2">
              <OpenState isOpenNow={row.isOpenNow} closesAt={row.closesAt} />
            </td>
            <td data-label="Translations" className="py-2">
              <MissingTranslations missing={row.missing} total={row.translatable} />
            </td>
            <td className="py-2 text-right">
              <Link
                href={`/staff/content/${kind}s/${row.slug}`}
                aria-label={`Edit the ${kind} “${row.title}”`}
              >
                Edit
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

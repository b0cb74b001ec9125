import Link from "next/link";
import type { ContentListing } from "@/db/queries/content";
import { STAFF_LOCALE } from "@/lib/domain/format";
import { describeFigureSource, formatFigureValue } from "@/lib/domain/impact-figure";
import { TRANSLATABLE_FIELDS } from "@/lib/domain/translations";
import { MissingTranslations } from "./missing-translations";

/** The campaign's reported figures as the public pages write them, each with its source. */
export function FigureTable({ figures }: { figures: ContentListing["figures"] }) {
  return (
    <table className="table-to-list w-full border-collapse text-left" data-testid="figure-content">
      <caption className="sr-only">Reported figures</caption>
      <thead>
        <tr className="border-b border-line">
          <th scope="col" className="py-2">
            Figure
          </th>
          <th scope="col" className="py-2">
            Source
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
        {figures.map((figure) => (
          <tr key={figure.slug} className="border-b border-line align-top">
            <th scope="row" className="py-2 font-normal">
              <strong className="tabular-nums">{formatFigureValue(figure, STAFF_LOCALE)}</strong>{" "}
              {figure.counts}
            </th>
            <td data-label="Source" className="py-2 text-sm text-muted">
              {describeFigureSource(figure)}
            </td>
            <td data-label="Translations" className="py-2">
              <MissingTranslations missing={figure.missing} total={TRANSLATABLE_FIELDS.figure.length} />
            </td>
            <td className="py-2 text-right">
              <Link
                href={`/staff/content/figures/${figure.slug}`}
                aria-label={`Edit the figure ${figure.slug}`}
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

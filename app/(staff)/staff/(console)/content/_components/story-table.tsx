import Link from "next/link";
import type { StoryPageSummary } from "@/db/queries/content-story";
import { TRANSLATABLE_FIELDS } from "@/lib/domain/translations";
import { MissingTranslations } from "./missing-translations";

/** The story's pages in reading order, each with what is untranslated and a link to edit it. */
export function StoryTable({ pages }: { pages: StoryPageSummary[] }) {
  return (
    <table className="table-to-list w-full border-collapse text-left" data-testid="story-content">
      <caption className="sr-only">Story pages</caption>
      <thead>
        <tr className="border-b border-line">
          <th scope="col" className="py-2">
            Part
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
        {pages.map((page) => (
          <tr key={page.slug} className="border-b border-line align-top">
            <th scope="row" className="py-2 font-semibold md:font-normal">
              {page.position}. {page.title}
            </th>
            <td data-label="Translations" className="py-2">
              <MissingTranslations missing={page.missing} total={TRANSLATABLE_FIELDS.story.length} />
            </td>
            <td className="py-2 text-right">
              <Link
                href={`/staff/content/story/${page.slug}`}
                aria-label={`Edit the story page “${page.title}”`}
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

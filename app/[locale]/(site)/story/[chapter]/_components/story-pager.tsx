import Link from "next/link";
import type { StoryPageLink } from "@/db/queries/story";

export interface StoryPagerProps {
  previous: StoryPageLink | null;
  next: StoryPageLink | null;
  petitionSlug: string | null;
}

/** Previous and next parts; after the last part, the way to the petition. */
export function StoryPager({ previous, next, petitionSlug }: StoryPagerProps) {
  return (
    <nav aria-label="Story" className="grid gap-3 border-t border-line pt-6 sm:grid-cols-2">
      {previous ? (
        <Link
          href={`/story/${previous.slug}`}
          rel="prev"
          className="rounded-xl border border-line p-4 no-underline hover:border-accent"
        >
          <span className="block text-sm text-muted">Previous: part {previous.position}</span>
          <span className="font-semibold underline">{previous.title}</span>
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link
          href={`/story/${next.slug}`}
          rel="next"
          className="rounded-xl border border-line p-4 text-right no-underline hover:border-accent"
        >
          <span className="block text-sm text-muted">Next: part {next.position}</span>
          <span className="font-semibold underline">{next.title}</span>
        </Link>
      ) : petitionSlug ? (
        <Link
          href={`/petition/${petitionSlug}`}
          className="rounded-xl bg-accent p-4 text-right text-paper no-underline"
        >
          <span className="block text-sm">You have read the story</span>
          <span className="font-semibold underline">Add your name to the petition</span>
        </Link>
      ) : null}
    </nav>
  );
}

import Link from "next/link";

export interface StoryContentsProps {
  pages: { slug: string; position: number; title: string; summary: string }[];
}

export function StoryContents({ pages }: StoryContentsProps) {
  return (
    <ol className="grid gap-3 sm:grid-cols-2">
      {pages.map((page) => (
        <li key={page.slug}>
          <Link
            href={`/story/${page.slug}`}
            className="block h-full rounded-xl border border-line p-4 no-underline hover:border-accent"
          >
            <span className="text-sm text-muted">Part {page.position}</span>
            <span className="block font-semibold underline">{page.title}</span>
            <span className="block text-sm">{page.summary}</span>
          </Link>
        </li>
      ))}
    </ol>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getEditableStoryPage } from "@/db/queries/content-story";
import { requireStaff } from "@/lib/auth/staff";
import { translatedFieldValues } from "@/lib/content/content-input";
import { StoryPageForm } from "../../_components/story-page-form";

export const metadata: Metadata = { title: "Edit story page" };

export default async function EditStoryPage({ params }: { params: Promise<{ slug: string }> }) {
  const caller = await requireStaff("editor");
  const page = await getEditableStoryPage(caller, (await params).slug);
  if (!page) notFound();
  return (
    <section aria-labelledby="story-heading" className="space-y-6">
      <Link href="/staff/content">Back to content</Link>
      <h1 id="story-heading" className="font-serif text-3xl font-bold">
        Edit part {page.position} of the story
      </h1>
      <p>
        <Link href={`/story/${page.slug}`}>Its public page</Link> shows saved changes within seconds.
      </p>
      <StoryPageForm
        slug={page.slug}
        version={page.version}
        defaults={{
          title: page.title,
          summary: page.summary,
          body: page.body,
          ...translatedFieldValues(page),
        }}
      />
    </section>
  );
}

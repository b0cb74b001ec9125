import type { Metadata } from "next";
import Link from "next/link";
import { listContent } from "@/db/queries/content";
import { listEditableStoryPages } from "@/db/queries/content-story";
import { requireStaff } from "@/lib/auth/staff";
import { ActionTable } from "./_components/action-table";
import { FigureTable } from "./_components/figure-table";
import { StoryTable } from "./_components/story-table";

export const metadata: Metadata = { title: "Content" };

export default async function ContentPage() {
  const caller = await requireStaff("editor");
  const [content, story] = await Promise.all([listContent(caller), listEditableStoryPages(caller)]);
  return (
    <section aria-labelledby="content-heading" className="space-y-8">
      <h1 id="content-heading" className="font-serif text-3xl font-bold">
        Content
      </h1>
      <p className="max-w-prose">
        What the public pages say. Saved changes show there within seconds, and each is recorded in the audit
        log with what it was before. If someone else saves the same item while you edit it, your save is
        refused rather than overwriting theirs. Each text has an English version, always shown where a
        translation is missing, and a Spanish one.
      </p>
      <section aria-labelledby="petitions-heading" className="space-y-3">
        <h2 id="petitions-heading" className="font-serif text-2xl font-semibold">
          Petitions
        </h2>
        <ActionTable kind="petition" rows={content.petitions} />
      </section>
      <section aria-labelledby="pledges-heading" className="space-y-3">
        <h2 id="pledges-heading" className="font-serif text-2xl font-semibold">
          Pledges
        </h2>
        <ActionTable kind="pledge" rows={content.pledges} />
      </section>
      <section aria-labelledby="figures-heading" className="space-y-3">
        <h2 id="figures-heading" className="font-serif text-2xl font-semibold">
          Reported figures
        </h2>
        <FigureTable figures={content.figures} />
        <Link href="/staff/content/figures/new" className="button-secondary inline-block">
          Add a figure
        </Link>
      </section>
      <section aria-labelledby="story-heading" className="space-y-3">
        <h2 id="story-heading" className="font-serif text-2xl font-semibold">
          Story
        </h2>
        <StoryTable pages={story} />
      </section>
    </section>
  );
}

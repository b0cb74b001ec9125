import type { Metadata } from "next";
import Link from "next/link";
import { listEditableFigures } from "@/db/queries/content-figures";
import { requireStaff } from "@/lib/auth/staff";
import { NewFigureForm } from "../../_components/new-figure-form";

export const metadata: Metadata = { title: "Add a figure" };

export default async function NewFigurePage() {
  const caller = await requireStaff("editor");
  const figures = await listEditableFigures(caller);
  const nextOrder = (figures.at(-1)?.sortOrder ?? 0) + 1;
  return (
    <section aria-labelledby="new-figure-heading" className="space-y-6">
      <Link href="/staff/content">Back to content</Link>
      <h1 id="new-figure-heading" className="font-serif text-3xl font-bold">
        Add a figure
      </h1>
      <p className="max-w-prose">
        Copy the figure and its source exactly as the source gives them. It is shown on the home page, and on
        each story page that names it.
      </p>
      <NewFigureForm defaults={{ sortOrder: String(nextOrder) }} />
    </section>
  );
}

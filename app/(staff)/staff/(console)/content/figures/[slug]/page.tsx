import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getEditableFigure } from "@/db/queries/content-figures";
import { requireStaff } from "@/lib/auth/staff";
import { translatedFieldValues } from "@/lib/content/content-input";
import { FigureForm } from "../../_components/figure-form";

export const metadata: Metadata = { title: "Edit figure" };

export default async function EditFigurePage({ params }: { params: Promise<{ slug: string }> }) {
  const caller = await requireStaff("editor");
  const figure = await getEditableFigure(caller, (await params).slug);
  if (!figure) notFound();
  return (
    <section aria-labelledby="figure-heading" className="space-y-6">
      <Link href="/staff/content">Back to content</Link>
      <h1 id="figure-heading" className="font-serif text-3xl font-bold">
        Edit the figure “{figure.slug}”
      </h1>
      <p className="max-w-prose">
        Shown on the home page, and on each story page that names it. Saved changes show there within seconds.
      </p>
      <FigureForm
        slug={figure.slug}
        version={figure.version}
        defaults={{
          value: String(figure.value),
          isLowerBound: figure.isLowerBound,
          notation: figure.notation,
          unit: figure.unit,
          counts: figure.counts,
          period: figure.period,
          reportedBy: figure.reportedBy,
          reportedIn: figure.reportedIn,
          quotedBy: figure.quotedBy ?? "",
          sourceUrl: figure.sourceUrl ?? "",
          method: figure.method,
          sortOrder: String(figure.sortOrder),
          ...translatedFieldValues(figure),
        }}
      />
    </section>
  );
}

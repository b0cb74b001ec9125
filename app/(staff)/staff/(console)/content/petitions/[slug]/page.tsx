import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getEditablePetition } from "@/db/queries/content";
import { requireStaff } from "@/lib/auth/staff";
import { closingTimeField, translatedFieldValues } from "@/lib/content/content-input";
import { OpenState } from "../../_components/open-state";
import { PetitionForm } from "../../_components/petition-form";

export const metadata: Metadata = { title: "Edit petition" };

export default async function EditPetitionPage({ params }: { params: Promise<{ slug: string }> }) {
  const caller = await requireStaff("editor");
  const petition = await getEditablePetition(caller, (await params).slug);
  if (!petition) notFound();
  const { slug, version, goal, closesAt, ...texts } = petition;
  return (
    <section aria-labelledby="petition-heading" className="space-y-6">
      <Link href="/staff/content">Back to content</Link>
      <h1 id="petition-heading" className="font-serif text-3xl font-bold">
        Edit the petition
      </h1>
      <p>
        <Link href={`/petition/${slug}`}>Its public page</Link> is{" "}
        <strong data-testid="open-state">
          <OpenState isOpenNow={petition.isOpenNow} isOpen={petition.isOpen} closesAt={closesAt} />
        </strong>
        . Saved changes show there within seconds.
      </p>
      <PetitionForm
        slug={slug}
        version={version}
        defaults={{
          title: texts.title,
          target: texts.target,
          ask: texts.ask,
          background: texts.background,
          goal: goal === null ? "" : String(goal),
          isOpen: texts.isOpen,
          closesAt: closingTimeField(closesAt),
          reviewsComments: texts.reviewsComments,
          publishesOpenCounts: texts.publishesOpenCounts,
          ...translatedFieldValues(texts),
        }}
      />
    </section>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getEditablePledge } from "@/db/queries/content";
import { requireStaff } from "@/lib/auth/staff";
import { closingTimeField, translatedFieldValues } from "@/lib/content/content-input";
import { CommitmentForm } from "../../_components/commitment-form";
import { NewCommitmentForm } from "../../_components/new-commitment-form";
import { OpenState } from "../../_components/open-state";
import { PledgeForm } from "../../_components/pledge-form";

export const metadata: Metadata = { title: "Edit pledge" };

export default async function EditPledgePage({ params }: { params: Promise<{ slug: string }> }) {
  const caller = await requireStaff("editor");
  const pledge = await getEditablePledge(caller, (await params).slug);
  if (!pledge) notFound();
  const { slug, version, goal, closesAt } = pledge;
  return (
    <section aria-labelledby="pledge-heading" className="space-y-6">
      <Link href="/staff/content">Back to content</Link>
      <h1 id="pledge-heading" className="font-serif text-3xl font-bold">
        Edit the pledge
      </h1>
      <p>
        <Link href={`/pledge/${slug}`}>Its public page</Link> is{" "}
        <strong data-testid="open-state">
          <OpenState isOpenNow={pledge.isOpenNow} isOpen={pledge.isOpen} closesAt={closesAt} />
        </strong>
        . Saved changes show there within seconds.
      </p>
      <PledgeForm
        slug={slug}
        version={version}
        defaults={{
          title: pledge.title,
          statement: pledge.statement,
          background: pledge.background,
          goal: goal === null ? "" : String(goal),
          isOpen: pledge.isOpen,
          closesAt: closingTimeField(closesAt),
          publishesOpenCounts: pledge.publishesOpenCounts,
          ...translatedFieldValues(pledge),
        }}
      />
      <section aria-labelledby="commitments-heading" className="max-w-6xl space-y-4">
        <h2 id="commitments-heading" className="font-serif text-2xl font-semibold">
          Commitments
        </h2>
        {pledge.commitments.map((commitment) => (
          <CommitmentForm key={commitment.id} commitment={commitment} />
        ))}
        <NewCommitmentForm pledgeSlug={slug} />
      </section>
    </section>
  );
}

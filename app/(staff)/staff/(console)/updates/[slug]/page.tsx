import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getStaffUpdatesPage } from "@/db/queries/petition-updates";
import { requireStaff } from "@/lib/auth/staff";
import { EditUpdateForm } from "./_components/edit-update-form";
import { PostUpdateForm } from "./_components/post-update-form";
import { UpdateList } from "./_components/update-list";

export const metadata: Metadata = { title: "Petition updates" };

export default async function PetitionUpdatesPage({ params }: { params: Promise<{ slug: string }> }) {
  const caller = await requireStaff("editor");
  const page = await getStaffUpdatesPage(caller, (await params).slug);
  if (!page) notFound();
  const { petition, updates, wantsUpdates } = page;
  return (
    <section aria-labelledby="petition-updates-heading" className="space-y-6">
      <Link href="/staff/updates">Back to updates</Link>
      <h1 id="petition-updates-heading" className="font-serif text-3xl font-bold">
        Updates on “{petition.title}”
      </h1>
      <p>
        They show on <Link href={`/petition/${petition.slug}`}>its public page</Link> within seconds.
      </p>
      <PostUpdateForm
        petitionId={petition.id}
        wantsUpdates={wantsUpdates}
        today={new Date().toISOString().slice(0, 10)}
      />
      <UpdateList
        updates={updates}
        editForm={(update) => (
          <EditUpdateForm
            values={{
              id: update.id,
              kind: update.kind,
              happenedOn: update.happenedOn,
              hearingOn: update.hearingOn ?? "",
              title: update.title,
              body: update.body,
              title_es: update.title_es ?? "",
              body_es: update.body_es ?? "",
            }}
          />
        )}
      />
    </section>
  );
}

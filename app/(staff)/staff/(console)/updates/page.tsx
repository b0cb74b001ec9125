import type { Metadata } from "next";
import Link from "next/link";
import { listUpdatePetitions } from "@/db/queries/petition-updates";
import { requireStaff } from "@/lib/auth/staff";

export const metadata: Metadata = { title: "Updates" };

export default async function UpdatesPage() {
  const caller = await requireStaff("editor");
  const petitions = await listUpdatePetitions(caller);
  return (
    <section aria-labelledby="updates-heading" className="space-y-6">
      <h1 id="updates-heading" className="font-serif text-3xl font-bold">
        Updates
      </h1>
      <p className="max-w-prose">
        Tell signers what happened after a petition reached the people it asks to act: it was delivered, a
        response came, a hearing was set. Updates show on the petition&rsquo;s page, newest first, and can be
        emailed once to the signers who asked for updates. Every change is in the audit log.
      </p>
      <ul className="divide-y divide-line rounded-xl border border-line">
        {petitions.map((petition) => (
          <li key={petition.id} className="flex flex-wrap justify-between gap-2 px-4 py-3">
            <Link href={`/staff/updates/${petition.slug}`}>
              {petition.title} ({petition.slug})
            </Link>
            <span className="text-muted">
              {petition.updates} update{petition.updates === 1 ? "" : "s"}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { listAuditHistory } from "@/db/queries/audit";
import { getSupporter } from "@/db/queries/moderation";
import { SUPPORTER_CHANGES } from "@/db/queries/moderation-changes";
import { requireStaff } from "@/lib/auth/staff";
import { singleValues, type SearchParams } from "@/lib/http/search-params";
import { supporterRefSchema } from "@/lib/validation/moderation";
import { EraseForm } from "./_components/erase-form";
import { StateChangeForm } from "./_components/state-change-form";
import { SupporterFacts } from "./_components/supporter-facts";

export const metadata: Metadata = { title: "Signature" };

export default async function SignaturePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const caller = await requireStaff("editor");
  const ref = supporterRefSchema.safeParse({
    kind: singleValues(await searchParams).kind ?? "petition",
    id: (await params).id,
  });
  if (!ref.success) notFound();
  const { kind, id } = ref.data;
  const [supporter, history] = await Promise.all([
    getSupporter(caller, kind, id),
    listAuditHistory(caller, id, SUPPORTER_CHANGES),
  ]);
  if (!supporter) notFound();
  const noun = kind === "petition" ? "Signature" : "Pledge";
  return (
    <section aria-labelledby="supporter-heading" className="space-y-6">
      <p>
        <Link href={`/staff/signatures?scope=${kind}:${supporter.slug}`} className="link">
          All of this {kind}’s supporters
        </Link>
      </p>
      <h1 id="supporter-heading" className="font-serif text-3xl font-bold">
        {supporter.isErased
          ? `${noun} (erased)`
          : `${noun} of ${supporter.firstName ?? ""} ${supporter.lastName ?? ""}`}
      </h1>
      <p className="max-w-prose text-sm text-muted">
        Opening this page is recorded in the audit log: it shows personal data.
      </p>
      <SupporterFacts supporter={supporter} history={history} />
      <StateChangeForm kind={kind} id={id} state={supporter.state} wasTurnedAway={supporter.wasTurnedAway} />
      <EraseForm kind={kind} id={id} isErased={supporter.isErased} />
    </section>
  );
}

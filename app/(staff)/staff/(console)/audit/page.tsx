import type { Metadata } from "next";
import Link from "next/link";
import { listAuditActions, listAuditEntries } from "@/db/queries/audit";
import { requireStaff } from "@/lib/auth/staff";
import { auditFiltersSchema } from "@/lib/validation/audit";
import { AuditFilterForm } from "./_components/audit-filter-form";
import { AuditEntries } from "./_components/audit-entries";

export const metadata: Metadata = { title: "Audit log" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const caller = await requireStaff("admin");
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  const parsed = auditFiltersSchema.safeParse(raw);
  const filters = parsed.success ? parsed.data : {};
  const [{ lines, nextBefore }, actions] = await Promise.all([
    listAuditEntries(caller, filters),
    listAuditActions(caller),
  ]);
  const next = nextBefore
    ? `?${new URLSearchParams({ ...stringsOf(filters), before: String(nextBefore) })}`
    : null;
  return (
    <section aria-labelledby="audit-heading" className="space-y-4">
      <h1 id="audit-heading" className="font-serif text-3xl font-bold">
        Audit log
      </h1>
      <p className="max-w-2xl">
        Every read of supporters&apos; personal data, every export and every change made in this console,
        newest first, with times in UTC. Nobody can change or delete a line, not even the database&apos;s
        owner.
      </p>
      <AuditFilterForm
        actions={actions}
        values={stringsOf(filters)}
        errors={parsed.success ? [] : parsed.error.issues.map((issue) => issue.message)}
      />
      <AuditEntries lines={lines} />
      {next ? (
        <p>
          <Link href={next}>Older entries</Link>
        </p>
      ) : null}
    </section>
  );
}

/** The filters as they go back into the address, without the page's own position. */
function stringsOf(filters: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(filters)
      .filter(([key, value]) => key !== "before" && value !== undefined)
      .map(([key, value]) => [key, String(value)]),
  );
}

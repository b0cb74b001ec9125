import type { Metadata } from "next";
import Link from "next/link";
import { SEARCH_PAGE_SIZE, searchSupporters } from "@/db/queries/moderation";
import { listActionTotals } from "@/db/queries/staff-dashboard";
import { requireStaff } from "@/lib/auth/staff";
import { supporterSearchOf } from "@/lib/moderation/filters";
import { singleValues, type SearchParams } from "@/lib/http/search-params";
import { fieldErrorsOf } from "@/lib/signing/supporting";
import { supporterSearchSchema } from "@/lib/validation/moderation";
import { SearchForm } from "./_components/search-form";
import { SupporterTable } from "./_components/supporter-table";

export const metadata: Metadata = { title: "Signatures" };

export default async function SignaturesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const caller = await requireStaff("editor");
  const query = singleValues(await searchParams);
  const parsed = supporterSearchSchema.safeParse(query);
  const search = parsed.success ? supporterSearchOf(parsed.data) : null;
  const [targets, page] = await Promise.all([
    listActionTotals(caller),
    search ? searchSupporters(caller, search) : null,
  ]);
  const { after, ...filters } = query;
  const nextPage = page?.next
    ? `/staff/signatures?${new URLSearchParams({ ...filters, after: page.next })}`
    : null;
  return (
    <section aria-labelledby="signatures-heading" className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 id="signatures-heading" className="font-serif text-3xl font-bold">
          Signatures
        </h1>
        <div className="flex flex-wrap gap-4">
          <Link href="/staff/signatures/held" className="link">
            Held signatures
          </Link>
          <Link href="/staff/signatures/bulk" className="link">
            Reject in bulk by rule
          </Link>
        </div>
      </div>
      <p className="max-w-prose">
        Newest first, {SEARCH_PAGE_SIZE} to a page. Open one to reject, restore or erase it. Every search is
        recorded in the audit log with its filters, because the results hold personal data.
      </p>
      <SearchForm
        targets={targets}
        values={query}
        errors={parsed.success ? {} : fieldErrorsOf(parsed.error)}
      />
      <div aria-live="polite" data-testid="search-status">
        {!page ? <p className="font-semibold text-error">Correct the search above to see results.</p> : null}
        {page && page.rows.length === 0 ? (
          <p className="font-semibold">Nothing matches this search.</p>
        ) : null}
      </div>
      {page && search && page.rows.length > 0 ? (
        <SupporterTable
          kind={search.kind}
          rows={page.rows}
          caption="Supporters matching the search"
          showsTarget={!search.slug}
        />
      ) : null}
      <nav aria-label="Result pages" className="flex gap-4">
        {after ? (
          <Link href={`/staff/signatures?${new URLSearchParams(filters)}`} className="link">
            Newest
          </Link>
        ) : null}
        {nextPage ? (
          <Link href={nextPage} className="link">
            Older
          </Link>
        ) : null}
      </nav>
    </section>
  );
}

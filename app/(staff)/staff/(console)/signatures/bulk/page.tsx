import type { Metadata } from "next";
import Link from "next/link";
import { previewBulkRule } from "@/db/queries/moderation";
import { listActionTotals } from "@/db/queries/staff-dashboard";
import { requireStaff } from "@/lib/auth/staff";
import { bulkRuleOf } from "@/lib/moderation/filters";
import { singleValues, type SearchParams } from "@/lib/http/search-params";
import { fieldErrorsOf } from "@/lib/signing/supporting";
import { bulkRuleSchema } from "@/lib/validation/moderation";
import { formatNumber, STAFF_LOCALE } from "@/lib/domain/format";
import { SupporterTable } from "../_components/supporter-table";
import { BulkConfirmForm } from "./_components/bulk-confirm-form";
import { RuleForm } from "./_components/rule-form";

export const metadata: Metadata = { title: "Reject in bulk" };

export default async function BulkRejectPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const caller = await requireStaff("editor");
  const query = singleValues(await searchParams);
  const parsed = query.target === undefined ? null : bulkRuleSchema.safeParse(query);
  const rule = parsed?.success ? bulkRuleOf(parsed.data) : null;
  const [targets, preview] = await Promise.all([
    listActionTotals(caller),
    rule ? previewBulkRule(caller, rule) : null,
  ]);
  const typed = {
    target: query.target ?? "",
    ip: query.ip ?? "",
    domain: query.domain ?? "",
    from: query.from ?? "",
    to: query.to ?? "",
  };
  return (
    <section aria-labelledby="bulk-heading" className="space-y-6">
      <p>
        <Link href="/staff/signatures" className="link">
          Back to the search
        </Link>
      </p>
      <h1 id="bulk-heading" className="font-serif text-3xl font-bold">
        Reject in bulk
      </h1>
      <p className="max-w-prose">
        For a flood from one network or one throwaway email domain. Choose a petition or pledge, an IP range
        or an email domain, and a window; preview how many pending, held or verified rows the rule selects,
        then reject exactly those.
      </p>
      <RuleForm
        targets={targets}
        values={query}
        errors={parsed && !parsed.success ? fieldErrorsOf(parsed.error) : {}}
      />
      {rule && !preview ? (
        <p className="font-semibold text-error">There is no such petition or pledge.</p>
      ) : null}
      {preview ? (
        <section aria-labelledby="preview-heading" className="space-y-4">
          <h2
            id="preview-heading"
            className="font-serif text-xl font-semibold"
            data-testid="bulk-preview-count"
          >
            This rule selects {formatNumber(preview.count, STAFF_LOCALE)} pending, held or verified{" "}
            {preview.count === 1 ? "row" : "rows"}
          </h2>
          {preview.sample.length > 0 ? (
            <SupporterTable
              kind={rule!.kind}
              rows={preview.sample}
              caption="The newest rows the rule selects"
              showsTarget={false}
            />
          ) : null}
          <BulkConfirmForm key={JSON.stringify(typed)} rule={typed} expectedCount={preview.count} />
        </section>
      ) : null}
    </section>
  );
}

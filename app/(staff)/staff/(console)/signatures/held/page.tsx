import type { Metadata } from "next";
import Link from "next/link";
import { listHeldGroups, previewHeldGroup } from "@/db/queries/holds";
import { requireStaff } from "@/lib/auth/staff";
import { holdPolicy } from "@/lib/jobs/hold-release";
import { heldGroupOf } from "@/lib/moderation/filters";
import { singleValues, type SearchParams } from "@/lib/http/search-params";
import { heldGroupSchema } from "@/lib/validation/holds";
import { formatNumber, STAFF_LOCALE } from "@/lib/domain/format";
import { SupporterTable } from "../_components/supporter-table";
import { HeldGroupTable } from "./_components/held-group-table";
import { HoldDecisionForm } from "./_components/hold-decision-form";

export const metadata: Metadata = { title: "Held signatures" };

export default async function HeldPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const caller = await requireStaff("editor");
  const query = singleValues(await searchParams);
  const parsed = query.target === undefined ? null : heldGroupSchema.safeParse(query);
  const group = parsed?.success ? heldGroupOf(parsed.data) : null;
  const policy = holdPolicy();
  const [addresses, domains, preview] = await Promise.all([
    listHeldGroups(caller, "address"),
    listHeldGroups(caller, "domain"),
    group ? previewHeldGroup(caller, group) : null,
  ]);
  return (
    <section aria-labelledby="held-heading" className="space-y-6">
      <p>
        <Link href="/staff/signatures" className="link">
          Back to the search
        </Link>
      </p>
      <h1 id="held-heading" className="font-serif text-3xl font-bold">
        Held signatures
      </h1>
      <p className="max-w-prose">
        When more than the limit sign from one address (an IPv6 network counts as one), the rest are held:
        they get their confirmation email like anyone, but count only once released. Homes, offices, schools
        and mobile networks share addresses, so most are real people. A group is released by itself{" "}
        {policy.releaseAfterHours} hours after it was held, unless its address sent more than{" "}
        {policy.maxPerAddressHour} in one hour: those wait for you. Held signatures are never shown publicly.
      </p>
      {parsed && !parsed.success ? (
        <p className="font-semibold text-error">
          That group link is broken; open it again from a list below.
        </p>
      ) : null}
      {group && !preview ? (
        <p className="font-semibold text-error">There is no such petition or pledge.</p>
      ) : null}
      {group && preview ? (
        <section aria-labelledby="group-heading" className="space-y-4">
          <h2
            id="group-heading"
            className="font-serif text-xl font-semibold"
            data-testid="held-preview-count"
          >
            {group.by === "address" ? "Address" : "Domain"} {group.value} holds{" "}
            {formatNumber(preview.count, STAFF_LOCALE)} on {preview.title} (
            {formatNumber(preview.confirmed, STAFF_LOCALE)} confirmed)
          </h2>
          {preview.sample.length > 0 ? (
            <SupporterTable
              kind={group.kind}
              rows={preview.sample}
              caption="The newest held in this group"
              showsTarget={false}
            />
          ) : null}
          <HoldDecisionForm
            key={JSON.stringify(query)}
            group={{ target: query.target ?? "", by: query.by ?? "", value: query.value ?? "" }}
            expectedCount={preview.count}
          />
        </section>
      ) : null}
      <HeldGroupTable groups={addresses} by="address" policy={policy} />
      <HeldGroupTable groups={domains} by="domain" policy={policy} />
    </section>
  );
}

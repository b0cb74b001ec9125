import Link from "next/link";
import type { HeldGroup, HoldGrouping, HoldPolicy } from "@/db/queries/holds";
import { formatNumber, STAFF_LOCALE } from "@/lib/domain/format";
import { formatUtc } from "../../_components/format-utc";

export interface HeldGroupTableProps {
  groups: HeldGroup[];
  by: HoldGrouping;
  policy: HoldPolicy;
}

/** What happens to a group if nobody acts: when it is released, or that it waits. */
function fate(group: HeldGroup, policy: HoldPolicy): string {
  if (group.by === "domain") return "by its addresses";
  if (group.largestHour > policy.maxPerAddressHour)
    return `waits for you (${formatNumber(group.largestHour, STAFF_LOCALE)} in one hour)`;
  return `released ${formatUtc(new Date(group.oldestHeldAt.getTime() + policy.releaseAfterHours * 3_600_000))} UTC`;
}

/** The held groups with the most signed in the last hour first: what is trending now. */
export function HeldGroupTable({ groups, by, policy }: HeldGroupTableProps) {
  const noun = by === "address" ? "Address" : "Email domain";
  return (
    <section aria-labelledby={`held-${by}-heading`} className="space-y-2">
      <h2 id={`held-${by}-heading`} className="font-serif text-xl font-semibold">
        {by === "address" ? "Addresses" : "Email domains"}, most signed in the last hour first
      </h2>
      {groups.length === 0 ? (
        <p>Nothing is held.</p>
      ) : (
        <div className="overflow-x-auto">
          <table
            className="table-to-list w-full border-collapse text-left text-sm"
            data-testid={`held-${by}`}
          >
            <caption className="sr-only">
              Held signatures grouped by {by === "address" ? "address" : "email domain"}
            </caption>
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="py-2 pr-3">
                  {noun}
                </th>
                <th scope="col" className="py-2 pr-3">
                  Petition or pledge
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  Last hour
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  Held
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  Confirmed
                </th>
                <th scope="col" className="py-2 pr-3">
                  If nobody acts
                </th>
                <th scope="col" className="py-2">
                  <span className="sr-only">Review</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {groups.map((group) => (
                <tr key={`${group.kind}:${group.slug}:${group.value}`} className="border-b border-line">
                  <th scope="row" className="py-2 pr-3 font-mono font-normal">
                    {group.value}
                  </th>
                  <td data-label="Petition or pledge" className="py-2 pr-3">
                    {group.title}
                  </td>
                  <td data-label="Last hour" className="py-2 pr-3 text-right tabular-nums">
                    {formatNumber(group.lastHour, STAFF_LOCALE)}
                  </td>
                  <td data-label="Held" className="py-2 pr-3 text-right tabular-nums">
                    {formatNumber(group.held, STAFF_LOCALE)}
                  </td>
                  <td data-label="Confirmed" className="py-2 pr-3 text-right tabular-nums">
                    {formatNumber(group.confirmed, STAFF_LOCALE)}
                  </td>
                  <td data-label="If nobody acts" className="py-2 pr-3">
                    {fate(group, policy)}
                  </td>
                  <td className="py-2">
                    <Link
                      className="link"
                      href={`/staff/signatures/held?${new URLSearchParams({ target: `${group.kind}:${group.slug}`, by, value: group.value })}`}
                    >
                      Review
                      <span className="sr-only">
                        {" "}
                        {group.value} on {group.title}
                      </span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

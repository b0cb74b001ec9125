import type { Metadata } from "next";
import Link from "next/link";
import { listActionTotals } from "@/db/queries/staff-dashboard";
import { SUPPORT_STATES } from "@/lib/domain/enums";
import { requireStaff } from "@/lib/auth/staff";

export const metadata: Metadata = { title: "Dashboard" };

const format = new Intl.NumberFormat("en-US");

export default async function DashboardPage() {
  const caller = await requireStaff("viewer");
  const actions = await listActionTotals(caller);
  return (
    <section aria-labelledby="dashboard-heading" className="space-y-4">
      <h1 id="dashboard-heading" className="font-serif text-3xl font-bold">
        Dashboard
      </h1>
      <table className="w-full border-collapse text-left" data-testid="action-totals">
        <caption className="sr-only">Supporters of each petition and pledge, by state</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="py-2">
              Petition or pledge
            </th>
            {SUPPORT_STATES.map((state) => (
              <th key={state} scope="col" className="py-2 text-right capitalize">
                {state}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {actions.map((action) => (
            <tr key={`${action.kind}:${action.slug}`} className="border-b border-line">
              <th scope="row" className="py-2 font-normal">
                <span className="text-xs uppercase tracking-wider text-muted">{action.kind}</span>{" "}
                <Link href={`/staff/reports/${action.kind}/${action.slug}`}>{action.title}</Link>
                {action.isOpen ? null : <span className="text-muted"> (closed)</span>}
              </th>
              {SUPPORT_STATES.map((state) => (
                <td key={state} className="py-2 text-right tabular-nums">
                  {format.format(action.totals[state])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

import type { Metadata } from "next";
import { listActionProgress } from "@/db/queries/staff-dashboard";
import { CAMPAIGN_DAY_LABEL } from "@/lib/domain/campaign-day";
import { requireStaff } from "@/lib/auth/staff";
import { ActionProgressCard } from "./_components/action-progress-card";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const caller = await requireStaff("viewer");
  const actions = await listActionProgress(caller);
  const now = new Date();
  return (
    <section aria-labelledby="dashboard-heading" className="space-y-4">
      <h1 id="dashboard-heading" className="font-serif text-3xl font-bold">
        Dashboard
      </h1>
      <p className="max-w-prose text-sm text-muted">
        Confirmed supporters of each petition and pledge: today ({CAMPAIGN_DAY_LABEL}), the last 7 days
        against the 7 before, and whether this week&apos;s pace reaches the goal. Open one for its report.
      </p>
      {actions.length === 0 ? (
        <p data-testid="action-totals">No petitions or pledges yet.</p>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" data-testid="action-totals">
          {actions.map((action) => (
            <ActionProgressCard key={`${action.kind}:${action.slug}`} action={action} now={now} />
          ))}
        </ul>
      )}
    </section>
  );
}

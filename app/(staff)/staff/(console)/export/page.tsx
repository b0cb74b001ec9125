import type { Metadata } from "next";
import { INPUT_CLASS } from "@/components/forms/field";
import { listActionTotals } from "@/db/queries/staff-dashboard";
import { SUPPORT_STATES } from "@/lib/domain/enums";
import { requireStaff } from "@/lib/auth/staff";

export const metadata: Metadata = { title: "Export" };

export default async function ExportPage() {
  const caller = await requireStaff("admin");
  const actions = await listActionTotals(caller);
  return (
    <section aria-labelledby="export-heading" className="max-w-xl space-y-4">
      <h1 id="export-heading" className="font-serif text-3xl font-bold">
        Export supporters
      </h1>
      <p>
        For delivering signatures to decision-makers. The file holds personal data: every export is recorded
        in the audit log with its filters and size. People whose data was erased are never in it.
      </p>
      <p>
        Each row ends with what the person agreed to: the privacy notice, updates and being shown, each with
        the version of the words they saw, its SHA-256, and when it was given and withdrawn.
      </p>
      <form method="post" action="/staff/export/download" className="space-y-4" data-testid="export-form">
        <label className="block space-y-1">
          <span className="font-semibold">Petition or pledge</span>
          <select name="action" className={INPUT_CLASS}>
            {actions.map((action) => (
              <option key={`${action.kind}:${action.slug}`} value={`${action.kind}:${action.slug}`}>
                {action.kind}: {action.title}
              </option>
            ))}
          </select>
        </label>
        <label className="block space-y-1">
          <span className="font-semibold">State</span>
          <select name="state" defaultValue="verified" className={INPUT_CLASS}>
            <option value="">Any</option>
            {SUPPORT_STATES.map((state) => (
              <option key={state} value={state}>
                {state}
              </option>
            ))}
          </select>
        </label>
        <div className="grid gap-4 sm:grid-cols-2">
          <label className="block space-y-1">
            <span className="font-semibold">Signed from (optional)</span>
            <input type="date" name="from" className={INPUT_CLASS} />
          </label>
          <label className="block space-y-1">
            <span className="font-semibold">Signed until (optional)</span>
            <input type="date" name="to" className={INPUT_CLASS} />
          </label>
        </div>
        <label className="flex items-center gap-3">
          <input type="checkbox" name="optedIn" className="size-5 accent-accent" />
          Only people who asked for campaign updates
        </label>
        <fieldset className="space-y-2">
          <legend className="font-semibold">Format</legend>
          <label className="flex items-center gap-3">
            <input type="radio" name="format" value="csv" defaultChecked className="size-5 accent-accent" />{" "}
            CSV (opens in spreadsheets)
          </label>
          <label className="flex items-center gap-3">
            <input type="radio" name="format" value="jsonl" className="size-5 accent-accent" /> JSON Lines
            (for other systems)
          </label>
        </fieldset>
        <button type="submit" className="button-primary">
          Download
        </button>
      </form>
    </section>
  );
}

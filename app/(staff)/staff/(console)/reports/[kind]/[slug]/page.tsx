import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getActionReport, REPORT_DAYS, REPORT_HOURS } from "@/db/queries/action-reports";
import { SUPPORT_STATES, SUPPORT_STATE_WORDS } from "@/lib/domain/enums";
import { requireStaff } from "@/lib/auth/staff";
import { countryName } from "@/lib/domain/countries";
import { formatNumber, STAFF_LOCALE } from "@/lib/domain/format";
import { RankingList } from "./_components/ranking-list";
import { ReminderEffect } from "./_components/reminder-effect";
import { SupportersChart } from "./_components/supporters-chart";

export const metadata: Metadata = { title: "Report" };

export default async function ReportPage({ params }: { params: Promise<{ kind: string; slug: string }> }) {
  const caller = await requireStaff("viewer");
  const { kind, slug } = await params;
  if (kind !== "petition" && kind !== "pledge") notFound();
  const report = await getActionReport(caller, kind, decodeURIComponent(slug));
  if (!report) notFound();
  const rate =
    report.everSigned === 0 ? null : Math.round((report.everConfirmed / report.everSigned) * 1000) / 10;
  return (
    <article aria-labelledby="report-heading" className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href="/staff">← Dashboard</Link>
        </p>
        <h1 id="report-heading" className="font-serif text-3xl font-bold">
          <span className="block text-sm uppercase tracking-wider text-muted">{report.kind}</span>{" "}
          {report.title}
        </h1>
        <dl className="flex flex-wrap gap-6" data-testid="report-totals">
          {SUPPORT_STATES.map((state) => (
            <div key={state}>
              <dt className="text-sm text-muted">{SUPPORT_STATE_WORDS[state]}</dt>
              <dd className="text-2xl tabular-nums">{formatNumber(report.totals[state], STAFF_LOCALE)}</dd>
            </div>
          ))}
          <div>
            <dt className="text-sm text-muted">Confirmation rate</dt>
            <dd className="text-2xl tabular-nums" data-testid="confirmation-rate">
              {rate === null ? "–" : `${rate}%`}
            </dd>
            <dd className="text-sm text-muted">
              {formatNumber(report.everConfirmed, STAFF_LOCALE)} of{" "}
              {formatNumber(report.everSigned, STAFF_LOCALE)} confirmed their email
            </dd>
          </div>
        </dl>
      </header>
      <ReminderEffect {...report} />
      <SupportersChart
        id="per-hour"
        caption={`People who signed, per hour, the last ${REPORT_HOURS} hours (UTC)`}
        buckets={report.perHour}
        unit="hour"
      />
      <SupportersChart
        id="per-day"
        caption={`People who signed, per day, the last ${REPORT_DAYS} days (UTC)`}
        buckets={report.perDay}
        unit="day"
      />
      <div className="grid gap-8 md:grid-cols-3">
        <RankingList
          id="top-sources"
          title="Campaign links that brought people (?source=)"
          rows={report.sources}
          empty="No one came by a link with ?source= yet."
        />
        <RankingList
          id="top-referrers"
          title="Supporters whose shared links brought the most people"
          rows={report.referrers}
          empty="No one came by a supporter's shared link yet."
        />
        <RankingList
          id="top-countries"
          title="Where supporters live"
          rows={report.countries.map((row) => ({ ...row, label: countryName(row.label) }))}
          empty="No supporters yet."
        />
        <RankingList
          id="top-partners"
          title="Partner sites and embeds, by verified supporters"
          rows={report.partners}
          empty="No verified supporter came from a partner site yet."
        />
      </div>
    </article>
  );
}

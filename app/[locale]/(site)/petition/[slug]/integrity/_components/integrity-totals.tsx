import { getTranslations } from "next-intl/server";
import type { IntegrityReport } from "@/db/queries/integrity-report";
import { SUPPORT_STATES } from "@/lib/domain/enums";
import { formatDate, formatNumber } from "@/lib/domain/format";
import type { Locale } from "@/lib/domain/locale";

// The order a reader follows: what counts, what may still count, and what does not.
const STATES = [
  "verified",
  "pending",
  "held",
  "withdrawn",
  "rejected",
] as const satisfies readonly (typeof SUPPORT_STATES)[number][];
const DAYS_SHOWN = 60;

/** The totals by state, the same by day in a table that scrolls on its own on a phone, and the reasons for rejection. */
export async function IntegrityTotals({ report, locale }: { report: IntegrityReport; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "integrityPage" });
  const n = (value: number) => formatNumber(value, locale);
  return (
    <>
      <section aria-labelledby="totals-heading" className="space-y-3">
        <h2 id="totals-heading" className="font-serif text-2xl font-semibold">
          {t("totalsHeading")}
        </h2>
        <dl className="divide-y divide-black/10" data-testid="integrity-totals">
          {STATES.map((state) => (
            <div key={state} className="flex justify-between gap-4 py-2">
              <dt>{t(`state.${state}`)}</dt>
              <dd className="font-semibold tabular-nums">{n(report.totals[state])}</dd>
            </div>
          ))}
        </dl>
        {report.totals.erased > 0 ? <p>{t("erased", { count: report.totals.erased })}</p> : null}
      </section>
      <section aria-labelledby="days-heading" className="space-y-3">
        <h2 id="days-heading" className="font-serif text-2xl font-semibold">
          {t("daysHeading")}
        </h2>
        {report.days.length === 0 ? (
          <p>{t("noDays")}</p>
        ) : (
          // Scrolls sideways by itself when narrower than the table, so a phone never zooms the page out.
          <div className="overflow-x-auto" role="region" aria-labelledby="days-heading" tabIndex={0}>
            <table className="w-full text-sm tabular-nums" data-testid="integrity-days">
              <caption className="pb-2 text-start text-muted">
                {t("daysCaption", { days: DAYS_SHOWN })}
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="py-1 pe-3 text-start">
                    {t("dayColumn")}
                  </th>
                  {STATES.map((state) => (
                    <th key={state} scope="col" className="px-2 py-1 text-end font-semibold">
                      {t(`state.${state}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {report.days.map((day) => (
                  <tr key={day.day} className="border-t border-black/10">
                    <th scope="row" className="whitespace-nowrap py-1 pe-3 text-start font-normal">
                      {formatDate(new Date(`${day.day}T00:00:00Z`), locale, {
                        dateStyle: "medium",
                        timeZone: "UTC",
                      })}
                    </th>
                    {STATES.map((state) => (
                      <td key={state} className="px-2 py-1 text-end">
                        {n(day[state])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="reasons-heading" className="space-y-3">
        <h2 id="reasons-heading" className="font-serif text-2xl font-semibold">
          {t("reasonsHeading")}
        </h2>
        {report.reasons.length === 0 ? (
          <p>{t("noReasons")}</p>
        ) : (
          <ul className="list-disc space-y-1 ps-5">
            {report.reasons.map(({ category, count }) => (
              <li key={category ?? "unrecorded"}>
                {t("rejectedHow", { category: category ?? "unrecorded" })}: {t("reasonCount", { count })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

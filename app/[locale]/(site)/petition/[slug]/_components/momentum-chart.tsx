import { getTranslations } from "next-intl/server";
import type { SupportHistory } from "@/db/queries/open-counts";
import { formatDate, formatNumber } from "@/lib/domain/format";
import type { Locale } from "@/lib/domain/locale";

const WIDTH = 300;
const HEIGHT = 60;

/**
 * Signatures that count per day, the last 30 days, as plain SVG bars drawn on the server (no
 * chart library, no script). The bars are hidden from screen readers, which read the summary
 * and a visually hidden table of the same figures instead.
 */
export async function MomentumChart({ history, locale }: { history: SupportHistory; locale: Locale }) {
  const { buckets } = history;
  const month = buckets.reduce((sum, bucket) => sum + bucket.verified, 0);
  if (month === 0) return null;
  const t = await getTranslations({ locale, namespace: "openCounts" });
  const week = buckets.slice(-7).reduce((sum, bucket) => sum + bucket.verified, 0);
  const highest = Math.max(...buckets.map((bucket) => bucket.verified));
  const step = WIDTH / buckets.length;
  const count = (value: number) => t("signatures", { count: value, figure: formatNumber(value, locale) });
  const day = (at: string) =>
    formatDate(new Date(at), locale, { month: "short", day: "numeric", timeZone: "UTC" });
  return (
    <section aria-labelledby="momentum-heading" className="space-y-3" data-testid="momentum">
      <h2 id="momentum-heading" className="font-serif text-2xl font-semibold">
        {t("momentumHeading")}
      </h2>
      <figure className="space-y-2">
        <figcaption className="text-sm text-muted">{t("momentumCaption")}</figcaption>
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          className="h-16 w-full text-accent"
          preserveAspectRatio="none"
          aria-hidden="true"
          focusable="false"
        >
          {buckets.map((bucket, i) => {
            const height = bucket.verified === 0 ? 0 : Math.max(1, (bucket.verified / highest) * HEIGHT);
            return (
              <rect
                key={bucket.at}
                x={i * step + step * 0.1}
                y={HEIGHT - height}
                width={step * 0.8}
                height={height}
                fill="currentColor"
              />
            );
          })}
        </svg>
        <p data-testid="momentum-summary">
          {t("momentumSummary", { week: count(week), month: count(month) })}
        </p>
        {/* Hidden by its wrapper: a table sized 1px still grows to its content, and on a phone
            the page zoomed out to fit it. */}
        <div className="sr-only">
          <table data-testid="momentum-table">
            <caption>{t("momentumCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("dayColumn")}</th>
                <th scope="col">{t("countColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {buckets.map((bucket) => (
                <tr key={bucket.at}>
                  <th scope="row">{day(bucket.at)}</th>
                  <td>{formatNumber(bucket.verified, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </figure>
    </section>
  );
}

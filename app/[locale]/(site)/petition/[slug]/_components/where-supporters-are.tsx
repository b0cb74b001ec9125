import { getTranslations } from "next-intl/server";
import type { SupportBreakdown } from "@/db/queries/open-counts";
import { formatNumber } from "@/lib/domain/format";
import type { Locale } from "@/lib/domain/locale";

/** How many countries and states are named before the rest are summed as "other". */
const SHOWN = 5;

interface Row {
  label: string;
  count: number;
}

/**
 * The first few rows by count, then one for the rest: those named further down, those of places
 * too few to name and those not known (the null row). The sum is unchanged.
 */
function topRows<K>(
  rows: { key: K | null; count: number }[],
  name: (key: K) => string,
  other: string,
): Row[] {
  const named = rows.filter((row) => row.key !== null);
  const rest = rows.reduce((sum, row) => sum + row.count, 0) - sum(named.slice(0, SHOWN));
  return [
    ...named.slice(0, SHOWN).map((row) => ({ label: name(row.key!), count: row.count })),
    ...(rest > 0 ? [{ label: other, count: rest }] : []),
  ];
}

function sum(rows: { count: number }[]): number {
  return rows.reduce((total, row) => total + row.count, 0);
}

/**
 * Where the signatures that count come from, as two plain lists (no map): countries, and U.S.
 * states read from ZIP codes, with the note that a ZIP code near a state line may be misplaced.
 */
export async function WhereSupportersAre({
  breakdown,
  countries,
  locale,
}: {
  breakdown: SupportBreakdown;
  /** The countries by name in the page's language, as the form lists them. */
  countries: readonly { code: string; name: string }[];
  locale: Locale;
}) {
  if (breakdown.verified === 0) return null;
  const t = await getTranslations({ locale, namespace: "openCounts" });
  const countryRows = topRows(
    breakdown.countries.map((row) => ({ key: row.country, count: row.count })),
    (code) => countries.find((option) => option.code === code)?.name ?? code,
    t("otherCountries"),
  );
  const stateRows = topRows(
    breakdown.usStates.map((row) => ({ key: row.state, count: row.count })),
    (state) => state,
    t("otherStates"),
  );
  const list = (id: string, heading: string, rows: Row[]) => (
    <div className="space-y-2">
      <h3 id={`${id}-heading`} className="font-semibold">
        {heading}
      </h3>
      <ul
        aria-labelledby={`${id}-heading`}
        className="divide-y divide-line rounded-xl border border-line"
        data-testid={id}
      >
        {rows.map((row) => (
          <li key={row.label} className="flex justify-between gap-4 px-4 py-2">
            <span>{row.label}</span>
            <span className="tabular-nums">
              {t("signatures", { count: row.count, figure: formatNumber(row.count, locale) })}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
  return (
    <section aria-labelledby="where-heading" className="space-y-3" data-testid="where-supporters-are">
      <h2 id="where-heading" className="font-serif text-2xl font-semibold">
        {t("whereHeading")}
      </h2>
      <p className="text-sm text-muted">{t("whereIntro")}</p>
      <div className="grid gap-6 sm:grid-cols-2">
        {list("supporter-countries", t("countriesHeading"), countryRows)}
        {stateRows.length > 0 ? (
          <div className="space-y-2">
            {list("supporter-states", t("statesHeading"), stateRows)}
            <p className="text-sm text-muted">{t("statesNote")}</p>
          </div>
        ) : null}
      </div>
    </section>
  );
}

import { getTranslations } from "next-intl/server";
import type { IntegrityReport } from "@/db/queries/integrity-report";
import { formatDateTime } from "@/lib/domain/format";
import type { Locale } from "@/lib/domain/locale";

/** The latest published root and the count it commits to, with the list of every root. */
export async function Commitment({ report, locale }: { report: IntegrityReport; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "integrityPage" });
  const root = report.latestRoot;
  return (
    <section aria-labelledby="commitment-heading" className="space-y-3">
      <h2 id="commitment-heading" className="font-serif text-2xl font-semibold">
        {t("commitmentHeading")}
      </h2>
      <p>{t("commitmentText")}</p>
      {root ? (
        <div data-testid="integrity-root">
          <p>
            {t("latestRoot", {
              count: root.count,
              date: `${formatDateTime(root.publishedAt, locale, { timeZone: "UTC" })} UTC`,
            })}
          </p>
          <code className="block break-all font-mono text-sm">{root.root}</code>
        </div>
      ) : (
        <p>{t("noRoot")}</p>
      )}
      <p>
        <a href={`/api/petitions/${report.slug}/integrity/roots`}>{t("allRoots")}</a>
      </p>
    </section>
  );
}

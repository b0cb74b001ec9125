import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReceiptForEmail } from "@/db/queries/integrity-reads";
import type { YourSupport } from "@/db/queries/your-data";
import { SignatureReceipt } from "@/components/campaign/signature-receipt";
import { formatDate } from "@/lib/domain/format";
import { localizedPath, type Locale } from "@/lib/domain/locale";
import { setYourUpdatesAction, withdrawYourSupportAction } from "@/lib/actions/your-data";

/**
 * Each signature and pledge of the address, with its state and dates, what can be changed, and a
 * signature's receipt (one signature per petition and address, so its slug finds it).
 */
export async function YourSupportList({
  rows,
  receipts,
  locale,
}: {
  rows: YourSupport[];
  receipts: ReceiptForEmail[];
  locale: Locale;
}) {
  const t = await getTranslations({ locale, namespace: "yourDataPage" });
  const date = (value: Date) => formatDate(value, locale, { dateStyle: "long", timeZone: "UTC" });
  return (
    <ul className="space-y-4">
      {rows.map((row) => (
        <li
          key={row.id}
          className="space-y-2 rounded-lg border border-line p-4"
          data-testid="your-support"
          aria-labelledby={`support-${row.id}`}
        >
          <p className="eyebrow">{t("kind", { kind: row.kind })}</p>
          <h3 id={`support-${row.id}`} className="font-semibold">
            <Link href={localizedPath(locale, `/${row.kind}/${row.slug}`)}>{row.title}</Link>
          </h3>
          <p>
            {t("statusLabel")}: <strong>{t("state", { state: row.state })}</strong>
          </p>
          <ul className="text-sm text-muted">
            <li>{t("madeOn", { kind: row.kind, date: date(row.createdAt) })}</li>
            {row.verifiedAt ? <li>{t("confirmedOn", { date: date(row.verifiedAt) })}</li> : null}
            {row.withdrawnAt ? <li>{t("withdrawnOn", { date: date(row.withdrawnAt) })}</li> : null}
          </ul>
          <p>{t(row.wantsUpdates ? "updatesOn" : "updatesOff", { campaign: row.campaignName })}</p>
          {row.kind === "petition" && row.state === "verified"
            ? receipts
                .filter((receipt) => receipt.slug === row.slug)
                .map((receipt) => (
                  <SignatureReceipt
                    key={receipt.leaf}
                    receipt={receipt}
                    slug={row.slug}
                    locale={locale}
                    id={`receipt-${row.id}`}
                    heading="h4"
                  />
                ))
            : null}
          <div className="flex flex-wrap gap-3">
            <form action={setYourUpdatesAction}>
              <input type="hidden" name="locale" value={locale} />
              <input type="hidden" name="kind" value={row.kind} />
              <input type="hidden" name="id" value={row.id} />
              <input type="hidden" name="updates" value={row.wantsUpdates ? "off" : "on"} />
              <button type="submit" className="button-secondary">
                {t(row.wantsUpdates ? "turnOff" : "turnOn")}
              </button>
            </form>
            {row.canWithdraw ? (
              <form action={withdrawYourSupportAction}>
                <input type="hidden" name="locale" value={locale} />
                <input type="hidden" name="kind" value={row.kind} />
                <input type="hidden" name="id" value={row.id} />
                <button type="submit" className="button-secondary">
                  {t("withdraw", { kind: row.kind })}
                </button>
              </form>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

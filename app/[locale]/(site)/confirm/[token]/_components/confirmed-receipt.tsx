import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getReceiptForConfirmToken } from "@/db/queries/integrity-reads";
import { localizedPath, type Locale } from "@/lib/domain/locale";

/**
 * The signer's receipt (docs/INTEGRITY.md), shown to whoever holds the emailed link, and its
 * check code with a link to check it: the link carries the check code, never the receipt.
 */
export async function ConfirmedReceipt({
  tokenHash,
  slug,
  locale,
}: {
  tokenHash: string;
  slug: string;
  locale: Locale;
}) {
  const [receipt, t] = await Promise.all([
    getReceiptForConfirmToken(tokenHash),
    getTranslations({ locale, namespace: "integrityPage" }),
  ]);
  if (!receipt) return null;
  return (
    <section aria-labelledby="receipt-heading" className="space-y-2 rounded border border-black/10 p-4">
      <h2 id="receipt-heading" className="font-serif text-xl font-semibold">
        {t("receiptHeading")}
      </h2>
      <p>{t("receiptText")}</p>
      <dl className="space-y-2">
        <div>
          <dt className="font-semibold">{t("receiptLabel")}</dt>
          <dd>
            <code className="block break-all font-mono text-sm" data-testid="receipt">
              {receipt.receipt}
            </code>
          </dd>
        </div>
        <div>
          <dt className="font-semibold">{t("leafShown")}</dt>
          <dd>
            <code className="block break-all font-mono text-sm" data-testid="receipt-leaf">
              {receipt.leaf}
            </code>
          </dd>
        </div>
      </dl>
      <Link href={`${localizedPath(locale, `/petition/${slug}/integrity`)}?leaf=${receipt.leaf}`}>
        {t("receiptCheck")}
      </Link>
    </section>
  );
}

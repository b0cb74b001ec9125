import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { localizedPath, type Locale } from "@/lib/domain/locale";

/**
 * A signer's receipt (docs/INTEGRITY.md) and its check code, with a link to check it: the link
 * carries the check code, never the receipt. Only for the signer's own pages (the confirmation
 * page, "Your data").
 */
export async function SignatureReceipt({
  receipt,
  slug,
  locale,
  id,
  heading = "h2",
}: {
  /** The secret receipt and its leaf (check code), both in hex. */
  receipt: { receipt: string; leaf: string };
  slug: string;
  locale: Locale;
  /** Unique on the page: the heading's id. */
  id: string;
  heading?: "h2" | "h3" | "h4";
}) {
  const t = await getTranslations({ locale, namespace: "integrityPage" });
  const Heading = heading;
  return (
    <section aria-labelledby={id} className="space-y-2 rounded border border-black/10 p-4">
      <Heading id={id} className={heading === "h2" ? "font-serif text-xl font-semibold" : "font-semibold"}>
        {t("receiptHeading")}
      </Heading>
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

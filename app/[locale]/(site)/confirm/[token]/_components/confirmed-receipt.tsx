import { getReceiptForConfirmToken } from "@/db/queries/integrity-reads";
import { SignatureReceipt } from "@/components/campaign/signature-receipt";
import type { Locale } from "@/lib/domain/locale";

/** The receipt of the signature the emailed link confirmed, for whoever holds the link. */
export async function ConfirmedReceipt({
  tokenHash,
  slug,
  locale,
}: {
  tokenHash: string;
  slug: string;
  locale: Locale;
}) {
  const receipt = await getReceiptForConfirmToken(tokenHash);
  return receipt ? (
    <SignatureReceipt receipt={receipt} slug={slug} locale={locale} id="receipt-heading" />
  ) : null;
}

import type { Metadata } from "next";
import Link from "next/link";
import { BrokenLinkNotice } from "@/components/layout/broken-link-notice";
import { Notice } from "@/components/layout/notice";
import { getSignatureToken } from "@/db/queries/signature-tokens";
import { hashToken } from "@/lib/tokens";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Withdraw your signature", robots: { index: false } };

// As with confirming: opening the page changes nothing; only its button withdraws.
export default async function WithdrawPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ retry?: string }>;
}) {
  const { token } = await params;
  const retry = (await searchParams).retry === "1";
  const link = await getSignatureToken(hashToken(token), "withdraw-signature");
  if (!link) return <BrokenLinkNotice />;
  if (link.state === "withdrawn") {
    return (
      <Notice title="Your signature is withdrawn">
        <p>It no longer counts toward &ldquo;{link.petitionTitle}&rdquo;. You can sign again at any time.</p>
        <Link href={`/petition/${link.petitionSlug}`}>Go to the petition</Link>
      </Notice>
    );
  }
  if (link.state === "rejected" || link.isExpired) {
    return (
      <Notice title="There is nothing to withdraw">
        <p>This signature is no longer on the petition.</p>
      </Notice>
    );
  }
  return (
    <Notice title="Withdraw your signature?">
      <p>
        Your signature will be taken off <strong>{link.petitionTitle}</strong> and out of its total straight away.
      </p>
      <form method="post" action="/api/signatures/withdraw">
        {retry ? <p role="alert">We could not withdraw it just now, and nothing changed. Please press the button again.</p> : null}
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="button-primary">
          Withdraw my signature
        </button>
      </form>
    </Notice>
  );
}

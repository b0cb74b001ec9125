import type { Metadata } from "next";
import Link from "next/link";
import { ShareActions } from "@/components/campaign/share-actions";
import { BrokenLinkNotice } from "@/components/layout/broken-link-notice";
import { Notice } from "@/components/layout/notice";
import { getSignatureToken } from "@/db/queries/signature-tokens";
import { getSiteNavigation } from "@/db/queries/site";
import { siteUrl } from "@/lib/site-url";
import { hashToken } from "@/lib/tokens";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Confirm your signature", robots: { index: false } };

// Opening this page changes nothing (mail scanners open links); only its button confirms.
export default async function ConfirmPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ retry?: string }>;
}) {
  const { token } = await params;
  const retry = (await searchParams).retry === "1";
  const [link, navigation] = await Promise.all([getSignatureToken(hashToken(token), "confirm-signature"), getSiteNavigation()]);
  if (!link) return <BrokenLinkNotice />;
  if (link.state === "verified") {
    const url = new URL(`/petition/${link.petitionSlug}?ref=${link.referralCode}`, siteUrl()).toString();
    return (
      <Notice title="Your signature is confirmed">
        <p>
          Thank you. Your name is now counted on &ldquo;{link.petitionTitle}&rdquo;. Ask a few others to add theirs:
        </p>
        <ShareActions url={url} title={link.petitionTitle} text={`I signed "${link.petitionTitle}". Will you?`} />
        {navigation.pledgeSlug ? (
          <Link href={`/pledge/${navigation.pledgeSlug}`} className="button-secondary">
            Next: take the pledge
          </Link>
        ) : null}
      </Notice>
    );
  }
  if (link.state !== "pending") {
    return (
      <Notice title="This signature cannot be confirmed">
        <p>It was withdrawn or removed. You can sign again on the petition&apos;s page.</p>
        <Link href={`/petition/${link.petitionSlug}`}>Go to the petition</Link>
      </Notice>
    );
  }
  if (link.isExpired) {
    return (
      <Notice title="This link has expired">
        <p>Confirmation links work for 7 days. Sign again with the same email address and we will send a new one.</p>
        <Link href={`/petition/${link.petitionSlug}`}>Go to the petition</Link>
      </Notice>
    );
  }
  return (
    <Notice title="Confirm your signature">
      <p>
        You are confirming your signature on <strong>{link.petitionTitle}</strong>. It counts once you press the
        button.
      </p>
      <form method="post" action="/api/signatures/confirm">
        {retry ? <p role="alert">We could not confirm it just now, and nothing changed. Please press the button again.</p> : null}
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="button-primary">
          Confirm my signature
        </button>
      </form>
    </Notice>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { BrokenLinkNotice } from "@/components/layout/broken-link-notice";
import { localeOf } from "@/lib/domain/locale";
import { Notice } from "@/components/layout/notice";
import { getFulfilment } from "@/db/queries/commitments";
import { hashToken } from "@/lib/signing/tokens";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Did you do it?", robots: { index: false } };

// The page the one follow-up email links to. Opening it changes nothing; each button does.
export default async function FulfilPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; token: string }>;
  searchParams: Promise<{ retry?: string }>;
}) {
  const { locale, token } = await params;
  const retry = (await searchParams).retry === "1";
  const fulfilment = await getFulfilment(hashToken(token));
  if (!fulfilment) return <BrokenLinkNotice locale={localeOf(locale)} />;
  if (fulfilment.isExpired) {
    return (
      <Notice title="This link has expired">
        <p>Thank you for taking the pledge all the same.</p>
        <Link href={`/pledge/${fulfilment.pledgeSlug}`}>Go to the pledge</Link>
      </Notice>
    );
  }
  return (
    <Notice title="Did you do it?">
      <p>
        {fulfilment.firstName}, you took the pledge &ldquo;{fulfilment.pledgeTitle}&rdquo;. Tell us what you
        have done: it counts toward what everyone who took it has done.
      </p>
      {retry ? (
        <p role="alert">
          We could not record it just now, and nothing changed. Please press the button again.
        </p>
      ) : null}
      <ul className="space-y-3">
        {fulfilment.commitments.map((commitment) => (
          <li key={commitment.slug} className="rounded-xl border border-line p-4">
            <p className="font-semibold">{commitment.title}</p>
            {commitment.isFulfilled ? (
              <p data-testid="fulfilled">Done. Thank you.</p>
            ) : (
              <form method="post" action="/api/links/fulfil">
                <input type="hidden" name="token" value={token} />
                <input type="hidden" name="commitment" value={commitment.slug} />
                <button type="submit" className="button-primary" aria-label={`I did it: ${commitment.title}`}>
                  I did it
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      <Link href={`/pledge/${fulfilment.pledgeSlug}`}>See what everyone has done</Link>
    </Notice>
  );
}

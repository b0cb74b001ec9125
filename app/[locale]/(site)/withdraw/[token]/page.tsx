import type { Metadata } from "next";
import Link from "next/link";
import { BrokenLinkNotice } from "@/components/layout/broken-link-notice";
import { localeOf } from "@/lib/domain/locale";
import { Notice } from "@/components/layout/notice";
import { getSupportToken } from "@/db/queries/support-tokens";
import { hashToken } from "@/lib/signing/tokens";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Withdraw your signature", robots: { index: false } };

// As with confirming: opening the page changes nothing; only its button withdraws.
export default async function WithdrawPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; token: string }>;
  searchParams: Promise<{ retry?: string }>;
}) {
  const { locale, token } = await params;
  const retry = (await searchParams).retry === "1";
  const link = await getSupportToken(hashToken(token), "withdraw");
  if (!link) return <BrokenLinkNotice locale={localeOf(locale)} />;
  const thing = link.kind === "pledge" ? "pledge" : "signature";
  if (link.state === "withdrawn") {
    return (
      <Notice title={`Your ${thing} is withdrawn`}>
        <p>
          It no longer counts toward &ldquo;{link.title}&rdquo;. You can{" "}
          {link.kind === "pledge" ? "take it" : "sign"} again at any time.
        </p>
        <Link href={`/${link.kind}/${link.slug}`}>Go to the {link.kind}</Link>
      </Notice>
    );
  }
  if (link.state === "rejected" || link.isExpired) {
    return (
      <Notice title="There is nothing to withdraw">
        <p>
          This {thing} is no longer counted on the {link.kind}.
        </p>
      </Notice>
    );
  }
  return (
    <Notice title={`Withdraw your ${thing}?`}>
      <p>
        Your {thing} will be taken off <strong>{link.title}</strong> and out of its totals straight away.
      </p>
      <form method="post" action="/api/links/withdraw">
        {retry ? (
          <p role="alert">
            We could not withdraw it just now, and nothing changed. Please press the button again.
          </p>
        ) : null}
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="kind" value={link.kind} />
        <button type="submit" className="button-primary">
          Withdraw my {thing}
        </button>
      </form>
    </Notice>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { ShareActions } from "@/components/campaign/share-actions";
import { BrokenLinkNotice } from "@/components/layout/broken-link-notice";
import { localeOf } from "@/lib/domain/locale";
import { Notice } from "@/components/layout/notice";
import { getSupportToken } from "@/db/queries/support-tokens";
import { getSiteNavigation } from "@/db/queries/site";
import { siteUrl } from "@/lib/http/site-url";
import { hashToken } from "@/lib/signing/tokens";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Confirm your signature", robots: { index: false } };

// Opening this page changes nothing (mail scanners open links); only its button confirms.
export default async function ConfirmPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; token: string }>;
  searchParams: Promise<{ retry?: string }>;
}) {
  const { locale, token } = await params;
  const retry = (await searchParams).retry === "1";
  const [link, navigation] = await Promise.all([
    getSupportToken(hashToken(token), "confirm"),
    getSiteNavigation(),
  ]);
  if (!link) return <BrokenLinkNotice locale={localeOf(locale)} />;
  const isPledge = link.kind === "pledge";
  const thing = isPledge ? "pledge" : "signature";
  const page = `/${link.kind}/${link.slug}`;
  if (link.state === "verified") {
    const url = new URL(`${page}?ref=${link.referralCode}`, siteUrl()).toString();
    return (
      <Notice title={`Your ${thing} is confirmed`}>
        <p>
          {isPledge ? (
            <>
              Thank you. Your promise now counts on &ldquo;{link.title}&rdquo;. Ask a few others to make it
              too:
            </>
          ) : (
            <>
              Thank you. Your name is now counted on &ldquo;{link.title}&rdquo;. Ask a few others to add
              theirs:
            </>
          )}
        </p>
        <ShareActions
          url={url}
          title={link.title}
          text={
            isPledge ? `I took the pledge "${link.title}". Will you?` : `I signed "${link.title}". Will you?`
          }
        />
        {!isPledge && navigation.pledgeSlug ? (
          <Link href={`/pledge/${navigation.pledgeSlug}`} className="button-secondary">
            Next: take the pledge
          </Link>
        ) : null}
      </Notice>
    );
  }
  if (link.state === "held") {
    return (
      <Notice title={`Your ${thing} is confirmed`}>
        <p>
          Thank you. Many {isPledge ? "pledges" : "signatures"} arrived from your network at once (a shared
          connection at a home, office, school or mobile network), so we check them before they join the
          public count on &ldquo;{link.title}
          &rdquo;. Yours is kept and will be counted once checked, usually within a day. There is nothing more
          you need to do.
        </p>
        <Link href={page}>Go to the {link.kind}</Link>
      </Notice>
    );
  }
  // A withdrawn supporter who signs again is sent a fresh confirm link: it counts them again.
  const canConfirm = link.state === "pending" || (link.state === "withdrawn" && !link.isUsed);
  if (!canConfirm) {
    return (
      <Notice title={`This ${thing} cannot be confirmed`}>
        <p>It was withdrawn or removed. You can {isPledge ? "take the pledge" : "sign"} again on its page.</p>
        <Link href={page}>Go to the {link.kind}</Link>
      </Notice>
    );
  }
  if (link.isExpired) {
    return (
      <Notice title="This link has expired">
        <p>
          Confirmation links work for 7 days. {isPledge ? "Take the pledge" : "Sign"} again with the same
          email address and we will send a new one.
        </p>
        <Link href={page}>Go to the {link.kind}</Link>
      </Notice>
    );
  }
  return (
    <Notice title={`Confirm your ${thing}`}>
      <p>
        You are confirming your {thing} on <strong>{link.title}</strong>. It counts once you press the button.
      </p>
      <form method="post" action="/api/links/confirm">
        {retry ? (
          <p role="alert">
            We could not confirm it just now, and nothing changed. Please press the button again.
          </p>
        ) : null}
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="kind" value={link.kind} />
        <button type="submit" className="button-primary">
          Confirm my {thing}
        </button>
      </form>
    </Notice>
  );
}

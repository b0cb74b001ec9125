import type { Metadata } from "next";
import Link from "next/link";
import { BrokenLinkNotice } from "@/components/layout/broken-link-notice";
import { localeOf } from "@/lib/domain/locale";
import { Notice } from "@/components/layout/notice";
import { getUpdatesLink } from "@/db/queries/updates";
import { hashToken } from "@/lib/signing/tokens";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Stop campaign updates", robots: { index: false } };

// The "stop updates" link in an email's footer. Opening it changes nothing (mail scanners follow
// links); its button posts, as a mail program's one-click unsubscribe does (RFC 8058).
export default async function UnsubscribePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; token: string }>;
  searchParams: Promise<{ retry?: string }>;
}) {
  const { locale, token } = await params;
  const retry = (await searchParams).retry === "1";
  const link = await getUpdatesLink(hashToken(token));
  if (!link) return <BrokenLinkNotice locale={localeOf(locale)} />;
  if (!link.wantsUpdates) {
    return (
      <Notice title="Updates are off">
        <p>
          You will not receive updates from {link.campaignName} at this address. Your{" "}
          {link.kind === "pledge" ? "pledge" : "signature"} on &ldquo;{link.title}&rdquo; is not changed by
          this.
        </p>
      </Notice>
    );
  }
  if (link.isExpired) {
    return (
      <Notice title="This link has expired">
        <p>
          Nothing changed. Our <Link href="/privacy">privacy notice</Link> says how to reach{" "}
          {link.campaignName} to have updates stopped.
        </p>
      </Notice>
    );
  }
  return (
    <Notice title={`Stop updates from ${link.campaignName}?`}>
      <p>
        You asked for updates when you {link.kind === "pledge" ? "took the pledge" : "signed"} &ldquo;
        {link.title}
        &rdquo;. Press the button to stop them. Your {link.kind === "pledge" ? "pledge" : "signature"} is not
        changed by this.
      </p>
      <form method="post" action="/api/links/unsubscribe">
        {retry ? (
          <p role="alert">
            We could not turn updates off just now, and nothing changed. Please press the button again.
          </p>
        ) : null}
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="from" value="page" />
        <button type="submit" className="button-primary">
          Stop updates
        </button>
      </form>
    </Notice>
  );
}

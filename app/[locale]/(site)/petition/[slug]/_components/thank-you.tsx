"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { ShareActions } from "@/components/campaign/share-actions";

export interface ThankYouProps {
  slug: string;
  title: string;
  referralCode: string;
  pledgeSlug: string | null;
  /** The site's public address, from the server: this also renders without JavaScript. */
  siteOrigin: string;
}

export function ThankYou({ slug, title, referralCode, pledgeSlug, siteOrigin }: ThankYouProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const url = new URL(`/petition/${slug}?ref=${encodeURIComponent(referralCode)}`, siteOrigin).toString();
  return (
    <section className="space-y-5" aria-labelledby="thanks-heading" data-testid="thank-you">
      <h2 id="thanks-heading" ref={heading} tabIndex={-1} className="font-serif text-2xl font-semibold">
        Thank you. Now check your inbox.
      </h2>
      <p className="max-w-prose">
        We have sent you an email. Open it and press <strong>Confirm</strong>: your signature counts once you
        do. If nothing arrives in a few minutes, look in your spam folder.
      </p>
      <h3 className="font-semibold">Ask others to sign</h3>
      <ShareActions url={url} title={title} text={`I signed "${title}". Will you?`} />
      {pledgeSlug ? (
        <p>
          <Link href={`/pledge/${pledgeSlug}`} className="button-secondary">
            Next: take the pledge
          </Link>
        </p>
      ) : null}
    </section>
  );
}

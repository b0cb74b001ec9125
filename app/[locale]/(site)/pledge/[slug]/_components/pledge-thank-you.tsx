"use client";

import { useEffect, useRef } from "react";
import { ShareActions } from "@/components/campaign/share-actions";

/** After sending: what happens next, and a link to share that carries the taker's code. */
export function PledgeThankYou({
  slug,
  title,
  referralCode,
  siteOrigin,
}: {
  slug: string;
  title: string;
  referralCode: string;
  siteOrigin: string;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const url = new URL(`/pledge/${slug}?ref=${encodeURIComponent(referralCode)}`, siteOrigin).toString();
  return (
    <section className="space-y-5" aria-labelledby="pledge-thanks-heading" data-testid="thank-you">
      <h3
        id="pledge-thanks-heading"
        ref={heading}
        tabIndex={-1}
        className="font-serif text-2xl font-semibold"
      >
        Thank you. Now check your inbox.
      </h3>
      <p className="max-w-prose">
        We have sent you an email. Open it and press <strong>Confirm</strong>: your pledge counts once you do.
        If nothing arrives in a few minutes, look in your spam folder.
      </p>
      <h4 className="font-semibold">Ask others to make the same promise</h4>
      <ShareActions url={url} title={title} text={`I took the pledge "${title}". Will you?`} />
    </section>
  );
}

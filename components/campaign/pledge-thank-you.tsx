"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { ShareActions, type ShareWords } from "@/components/campaign/share-actions";
import { localizedPath, type Locale } from "@/lib/domain/locale";

/** The thank-you's words, in the page's language (messages: pledgeFlow, confirmPage). */
export interface PledgeThankYouWords {
  heading: string;
  text: ReactNode;
  askOthers: string;
  /** What a share says with the link: "I took the pledge "…". Will you?" */
  shareText: string;
  share: ShareWords;
}

/** After sending: what happens next, and a link to share that carries the taker's code. */
export function PledgeThankYou({
  slug,
  title,
  referralCode,
  siteOrigin,
  locale,
  words,
}: {
  slug: string;
  title: string;
  referralCode: string;
  siteOrigin: string;
  /** The page's language: the shared link opens the pledge in it. */
  locale: Locale;
  words: PledgeThankYouWords;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const url = new URL(
    localizedPath(locale, `/pledge/${slug}?ref=${encodeURIComponent(referralCode)}`),
    siteOrigin,
  ).toString();
  return (
    <section className="space-y-5" aria-labelledby="pledge-thanks-heading" data-testid="thank-you">
      <h3
        id="pledge-thanks-heading"
        ref={heading}
        tabIndex={-1}
        className="font-serif text-2xl font-semibold"
      >
        {words.heading}
      </h3>
      <p className="max-w-prose">{words.text}</p>
      <h4 className="font-semibold">{words.askOthers}</h4>
      <ShareActions url={url} title={title} text={words.shareText} words={words.share} />
    </section>
  );
}

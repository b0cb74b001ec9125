"use client";

import Link from "next/link";
import { useEffect, useRef, type ReactNode } from "react";
import { ShareActions, type ShareWords } from "@/components/campaign/share-actions";
import { localizedPath, type Locale } from "@/lib/domain/locale";

/** The thank-you's words, in the page's language (messages: signForm, confirmPage). */
export interface ThankYouWords {
  heading: string;
  text: ReactNode;
  askOthers: string;
  /** What a share says with the link: "I signed "…". Will you?" */
  shareText: string;
  nextPledge: string;
  share: ShareWords;
}

export interface ThankYouProps {
  slug: string;
  title: string;
  referralCode: string;
  pledgeSlug: string | null;
  /** The site's public address, from the server: this also renders without JavaScript. */
  siteOrigin: string;
  /** The page's language: the shared link and the pledge's open the pages in it. */
  locale: Locale;
  words: ThankYouWords;
}

export function ThankYou({
  slug,
  title,
  referralCode,
  pledgeSlug,
  siteOrigin,
  locale,
  words,
}: ThankYouProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const url = new URL(
    localizedPath(locale, `/petition/${slug}?ref=${encodeURIComponent(referralCode)}`),
    siteOrigin,
  ).toString();
  return (
    <section className="space-y-5" aria-labelledby="thanks-heading" data-testid="thank-you">
      <h2 id="thanks-heading" ref={heading} tabIndex={-1} className="font-serif text-2xl font-semibold">
        {words.heading}
      </h2>
      <p className="max-w-prose">{words.text}</p>
      <h3 className="font-semibold">{words.askOthers}</h3>
      <ShareActions url={url} title={title} text={words.shareText} words={words.share} />
      {pledgeSlug ? (
        <p>
          <Link href={localizedPath(locale, `/pledge/${pledgeSlug}`)} className="button-secondary">
            {words.nextPledge}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

"use client";

import { useState, useSyncExternalStore } from "react";

/** The buttons' words, in the reader's language (messages: shareActions). */
export interface ShareWords {
  share: string;
  copy: string;
  copied: string;
  email: string;
  newTab: string;
  yourLink: string;
}

export interface ShareActionsProps {
  url: string;
  title: string;
  text: string;
  words: ShareWords;
}

/** Ways to pass the link on; each carries the sharer's referral code in `url`. */
export function ShareActions({ url, title, text, words }: ShareActionsProps) {
  // The Web Share API exists only in some browsers, and never during server rendering.
  const canShare = useSyncExternalStore(
    () => () => {},
    () => "share" in navigator,
    () => false,
  );
  const [copied, setCopied] = useState(false);
  const encoded = encodeURIComponent(url);
  const message = encodeURIComponent(`${text} ${url}`);
  const links = [
    { label: words.email, href: `mailto:?subject=${encodeURIComponent(title)}&body=${message}` },
    { label: "WhatsApp", href: `https://wa.me/?text=${message}` },
    { label: "X", href: `https://x.com/intent/post?text=${encodeURIComponent(text)}&url=${encoded}` },
    { label: "Facebook", href: `https://www.facebook.com/sharer/sharer.php?u=${encoded}` },
  ];
  return (
    <div className="space-y-3" data-testid="share-actions">
      <div className="flex flex-wrap gap-3">
        {canShare ? (
          <button
            type="button"
            className="button-primary"
            onClick={() => void navigator.share({ title, text, url }).catch(() => {})}
          >
            {words.share}
          </button>
        ) : null}
        <button
          type="button"
          className="button-secondary"
          onClick={() =>
            void navigator.clipboard?.writeText(url).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {words.copy}
        </button>
        {links.map((link) => (
          <a
            key={link.label}
            href={link.href}
            className="button-secondary"
            target="_blank"
            rel="noopener noreferrer"
          >
            {link.label}
            <span className="sr-only"> {words.newTab}</span>
          </a>
        ))}
      </div>
      <p aria-live="polite" className="text-sm">
        {copied ? words.copied : ""}
      </p>
      <p className="break-all text-sm text-muted">
        {words.yourLink} <span data-testid="share-url">{url}</span>
      </p>
    </div>
  );
}

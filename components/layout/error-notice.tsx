/* eslint-disable @next/next/no-html-link-for-pages -- on purpose: see ErrorNotice below. */
import { Notice } from "./notice";

/**
 * What a page that failed shows: calm, with a way to try again, home, and help. Plain links, not
 * next/link: after a failure a whole new page is the surer way on, and the router's link code
 * would be one more script on every page (this is in the error boundaries every page loads).
 */
export function ErrorNotice({ onRetry }: { onRetry?: () => void }) {
  return (
    <Notice title="This page didn't load">
      <p>
        Something went wrong on our side, not yours. Please try again in a moment. If you were signing, it is
        safe to sign again: each email address counts once.
      </p>
      <div className="flex flex-wrap gap-3">
        {onRetry ? (
          <button type="button" className="button-primary" onClick={onRetry}>
            Try again
          </button>
        ) : null}
        <a href="/" className="button-secondary">
          Go to the home page
        </a>
        <a href="/help" className="button-secondary">
          Get help
        </a>
      </div>
    </Notice>
  );
}

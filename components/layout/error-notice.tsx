import Link from "next/link";
import { Notice } from "./notice";

/** What a page that failed shows: calm, with a way to try again, home, and help. */
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
        <Link href="/" className="button-secondary">
          Go to the home page
        </Link>
        <Link href="/help" className="button-secondary">
          Get help
        </Link>
      </div>
    </Notice>
  );
}
